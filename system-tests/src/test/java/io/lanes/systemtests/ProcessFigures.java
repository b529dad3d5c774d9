package io.lanes.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory and CPU time of a process, from Linux's /proc, and a JVM's own account of its memory. */
final class ProcessFigures {

    /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** A category line of {@code jcmd <pid> VM.native_memory summary}: its name and committed KB. */
    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

    private ProcessFigures() {}

    /** Resident set size in MiB. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * Memory the JVM committed, per category of its native memory tracking (the process must run with
     * {@code -XX:NativeMemoryTracking=summary}), in MiB, largest first; empty when it does not.
     */
    static Map<String, Double> committedMiB(long pid) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "VM.native_memory",
                            "summary")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Map<String, Double> categories = new LinkedHashMap<>();
            Matcher line = CATEGORY.matcher(out);
            while (line.find()) {
                categories.put(line.group(1).trim(), Long.parseLong(line.group(2)) / 1024.0);
            }
            return categories.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** CPU seconds (user + system) the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
