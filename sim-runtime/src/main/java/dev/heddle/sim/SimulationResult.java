package dev.heddle.sim;

import java.util.List;
import java.util.Optional;

/**
 * What a passing run did: the seed, its trace hash (equal hashes, same run), steps taken,
 * virtual time covered in nanoseconds, tasks spawned, the probes it met, what its faults did,
 * in swarm mode the fault kinds its seed turned on ({@link SwarmProfile}), and the tasks
 * (outside hosts) still waiting when the main task returned, each with the line that spawned
 * it, which the run then aborted (see {@link Simulation#failOnLeakedTasks}).
 */
public record SimulationResult(long seed, long traceHash, long steps, long virtualNanos, long tasks,
                               List<ProbeRecord> probes, List<FaultRecord> faults, Optional<SwarmProfile> swarm,
                               List<String> tasksLeftWaiting) {
    @Override
    public String toString() {
        return Simulation.seedText(seed) + " hash=" + Long.toHexString(traceHash) + " steps=" + steps
                + " virtual=" + virtualNanos / 1_000_000 + "ms tasks=" + tasks
                + (faults.isEmpty() ? "" : " faults=" + faults) + swarm.map(p -> " " + p).orElse("")
                + (tasksLeftWaiting.isEmpty() ? "" : " left waiting=" + tasksLeftWaiting);
    }
}
