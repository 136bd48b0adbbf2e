package id.antrean.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the server, PostgreSQL and the load generator during a run, from /proc (Linux): on a
 * machine where all three share the cores, where the time goes explains the ceiling.
 */
public final class CpuMeter {
    /** Clock ticks of each party, and of the whole machine (busy and total). */
    public record Sample(long server, long postgres, long generator, long machineBusy, long machineTotal) {
    }

    private static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private CpuMeter() {
    }

    public static Sample now(long serverPid, Path postgresData) {
        // With the backends that exited in between: the server's pool retires its connections within a minute,
        // and a backend's CPU left the sum with it (a negative "PostgreSQL per ticket" on 2026-12-07).
        long postgres = postgresWithExited(postgresData);
        long[] machine = machine();
        return new Sample(ticks(serverPid), postgres, ticks(ProcessHandle.current().pid()), machine[0], machine[1]);
    }

    /** "CPU per ticket: server … ms, PostgreSQL … ms, load generator … ms; machine busy …%". */
    public static String perTicket(Sample before, Sample after, long tickets) {
        double n = Math.max(1, tickets);
        return "CPU per ticket: server %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; all cores busy %.0f%%"
                .formatted((after.server() - before.server()) * MS_PER_TICK / n,
                        (after.postgres() - before.postgres()) * MS_PER_TICK / n,
                        (after.generator() - before.generator()) * MS_PER_TICK / n,
                        100.0 * (after.machineBusy() - before.machineBusy())
                                / Math.max(1, after.machineTotal() - before.machineTotal()));
    }

    /**
     * CPU ticks of PostgreSQL including its backends that have exited (their time is added to the postmaster's
     * cutime + cstime when it reaps them): pgbench's connections end with its run.
     */
    public static long postgresWithExited(Path postgresData) {
        return Postgres.processIds(postgresData).map(pid -> ticks(pid) + childTicks(pid)).sum();
    }

    public static double ms(long ticks) {
        return ticks * MS_PER_TICK;
    }

    /** cutime + cstime of a process (fields 16 and 17): its children that have exited and been waited for. */
    static long childTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * "server CPU per call … ms (… µs per screen) …": what one call cost the node(s) in all, fanned out to every
     * screen; less at the mercy of other load on the machine than the latencies are.
     */
    public static String perCall(Sample before, Sample after, long calls, long screens) {
        double n = Math.max(1, calls);
        double serverMs = (after.server() - before.server()) * MS_PER_TICK / n;
        return "server CPU per call %.1f ms (%.1f µs per screen), load generator %.1f ms; all cores busy %.0f%%"
                .formatted(serverMs, serverMs * 1000 / Math.max(1, screens),
                        (after.generator() - before.generator()) * MS_PER_TICK / n,
                        100.0 * (after.machineBusy() - before.machineBusy())
                                / Math.max(1, after.machineTotal() - before.machineTotal()));
    }

    /** Several server nodes counted as one. */
    public static Sample now(java.util.List<Long> serverPids, Path postgresData) {
        Sample one = now(-1, postgresData);
        return new Sample(serverPids.stream().mapToLong(CpuMeter::ticks).sum(), one.postgres(), one.generator(),
                one.machineBusy(), one.machineTotal());
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat); 0 when it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total ticks of all cores, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
