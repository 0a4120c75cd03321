package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tokio's scheduling policy, decision by decision, on one worker's core. */
class WorkerCoreTest {
    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void the_task_woken_last_runs_next_and_pushes_the_previous_one_to_the_queue() {
        WorkerCore<String> core = WorkerCore.<String>group(1).getFirst();
        assertFalse(core.scheduleLocal("a", false), "alone in the LIFO slot: not stealable, no one to wake");
        assertTrue(core.scheduleLocal("b", false), "a moved to the queue: worth waking a worker");
        assertEquals("b", core.next(random));
        assertEquals("a", core.next(random));
        assertNull(core.next(random));
        assertEquals(1, core.metrics().lifoHits());
        assertEquals(2, core.metrics().polls());
    }

    @Test
    void a_yielding_task_goes_to_the_back_of_the_queue() {
        WorkerCore<String> core = WorkerCore.<String>group(1).getFirst();
        core.scheduleLocal("queued", true);
        core.scheduleLocal("yielder", true);
        assertEquals("queued", core.next(random));
        assertEquals("yielder", core.next(random));
    }

    @Test
    void the_lifo_slot_runs_at_most_three_times_in_a_row_then_the_queue_gets_its_turn() {
        WorkerCore<String> core = WorkerCore.<String>group(1).getFirst();
        core.scheduleLocal("waiting", true);
        core.scheduleLocal("ping", false);
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String t = core.next(random);
            order.append(t).append(' ');
            // ping and pong wake each other: the woken one takes the LIFO slot every time.
            if (!t.equals("waiting")) {
                core.scheduleLocal(t.equals("ping") ? "pong" : "ping", false);
            }
        }
        assertEquals("ping pong ping waiting pong ", order.toString());
    }

    @Test
    void the_injection_queue_is_polled_first_every_61_ticks_even_when_local_work_remains() {
        WorkerCore<String> core = WorkerCore.<String>group(1).getFirst();
        core.scheduleRemote("from-outside");
        for (int tick = 1; tick < WorkerCore.INJECTION_INTERVAL; tick++) {
            core.scheduleLocal("local", true);
            assertEquals("local", core.next(random), "tick " + tick);
        }
        core.scheduleLocal("local", true);
        assertEquals("from-outside", core.next(random), "tick 61");
        assertEquals("local", core.next(random));
    }

    @Test
    void an_idle_worker_takes_from_the_injection_queue_then_steals_half_of_a_busy_one() {
        List<WorkerCore<Integer>> cores = WorkerCore.group(2);
        WorkerCore<Integer> busy = cores.get(0);
        WorkerCore<Integer> idle = cores.get(1);
        idle.scheduleRemote(99);
        for (int i = 0; i < 6; i++) {
            busy.scheduleLocal(i, true);
        }
        assertEquals(99, idle.next(random));
        assertEquals(2, idle.next(random), "stole 0, 1, 2 and runs the newest of them");
        assertEquals(1, idle.metrics().steals());
        assertEquals(3, idle.metrics().stolenTasks());
        assertEquals(0, idle.next(random));
        assertEquals(1, idle.next(random));
        assertEquals(3, busy.next(random));
        assertEquals(2, busy.localQueueDepth());
    }
}
