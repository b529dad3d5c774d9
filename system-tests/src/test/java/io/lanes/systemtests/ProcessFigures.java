package io.lanes.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process, from Linux's /proc. */
final class ProcessFigures {

    /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

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
