package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scheduling logic driven one step at a time, as the simulator drives it: at each step
 * the seed picks which of N logical workers acts, and that worker's core picks its task.
 * Tasks spawn, wake, yield and park at random, and are woken from inside the workers and
 * from outside. Over 1,000 seeds and 1 to 8 workers, no task is lost, none is run while it
 * is not scheduled (so none twice), and every spawned task finishes.
 */
class WorkerGroupReplayTest {
    private static final int SEEDS = 1_000;

    private enum State { SCHEDULED, PARKED, DONE }

    private static final class ModelTask {
        final int id;
        int pollsLeft;
        State state = State.SCHEDULED;

        ModelTask(int id, int polls) {
            this.id = id;
            this.pollsLeft = polls;
        }

        @Override
        public String toString() {
            return "task#" + id;
        }
    }

    @Test
    void no_task_is_lost_or_run_twice_and_every_task_finishes() {
        for (int workers = 1; workers <= 8; workers++) {
            for (long seed = 0; seed < SEEDS; seed++) {
                run(seed, workers);
            }
        }
    }

    private static void run(long seed, int workers) {
        SplittableRandom random = new SplittableRandom(seed * 31 + workers);
        // Small queues on odd seeds, so that overflow into the injection queue happens too.
        List<WorkerCore<ModelTask>> cores = WorkerCore.group(workers, (seed & 1) == 0 ? 256 : 4);
        List<ModelTask> all = new ArrayList<>();
        List<ModelTask> parked = new ArrayList<>();
        int toSpawn = 20 + random.nextInt(200);
        ModelTask root = new ModelTask(0, 3);
        all.add(root);
        cores.getFirst().scheduleRemote(root);
        long steps = 0;
        long ran = 0;
        int done = 0;
        while (done < all.size()) {
            if (++steps > 1_000_000) {
                fail("seed=" + seed + " workers=" + workers + ": tasks lost, " + done + " of " + all.size()
                        + " finished; parked " + parked);
            }
            if (!parked.isEmpty() && random.nextInt(8) == 0) {
                // A wake-up from outside the workers: a timer, I/O, another runtime.
                wake(parked.remove(random.nextInt(parked.size())), cores.getFirst(), true);
            }
            WorkerCore<ModelTask> worker = cores.get(random.nextInt(workers));
            ModelTask t = worker.next(random);
            if (t == null) {
                if (noneScheduled(cores) && !parked.isEmpty()) {
                    wake(parked.remove(random.nextInt(parked.size())), cores.getFirst(), true);
                }
                continue;
            }
            ran++;
            if (t.state != State.SCHEDULED) {
                fail("seed=" + seed + " workers=" + workers + ": " + t + " was run while " + t.state);
            }
            t.pollsLeft--;
            if (toSpawn > 0 && random.nextInt(3) == 0) {
                toSpawn--;
                ModelTask child = new ModelTask(all.size(), 1 + random.nextInt(4));
                all.add(child);
                worker.scheduleLocal(child, false);
            }
            if (!parked.isEmpty() && random.nextInt(3) == 0) {
                wake(parked.remove(random.nextInt(parked.size())), worker, false);
            }
            if (t.pollsLeft == 0) {
                t.state = State.DONE;
                done++;
            } else if (random.nextBoolean()) {
                worker.scheduleLocal(t, true);
            } else {
                t.state = State.PARKED;
                parked.add(t);
            }
        }
        for (WorkerCore<ModelTask> c : cores) {
            if (c.hasLocalWork() || c.hasInjectedWork()) {
                fail("seed=" + seed + " workers=" + workers + ": a finished task is still queued on worker "
                        + c.index());
            }
        }
        long polls = cores.stream().mapToLong(c -> c.metrics().polls()).sum();
        assertEquals(ran, polls, "seed=" + seed + " workers=" + workers + ": the workers' poll counts add up");
    }

    private static boolean noneScheduled(List<WorkerCore<ModelTask>> cores) {
        for (WorkerCore<ModelTask> c : cores) {
            if (c.hasLocalWork() || c.hasInjectedWork()) {
                return false;
            }
        }
        return true;
    }

    private static void wake(ModelTask t, WorkerCore<ModelTask> by, boolean fromOutside) {
        t.state = State.SCHEDULED;
        if (fromOutside) {
            by.scheduleRemote(t);
        } else {
            by.scheduleLocal(t, false);
        }
    }
}
