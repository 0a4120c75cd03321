package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tokio's rules for waking idle workers, on workers that are not started (so no one really parks). */
class IdleWorkersTest {
    private final IdleWorkers idle = new IdleWorkers(4);

    private WorkerThread worker(String name) {
        return new WorkerThread(null, null, idle, name, () -> {}, () -> {});
    }

    @Test
    void at_most_half_of_the_workers_search_at_once() {
        assertTrue(idle.tryStartSearching());
        assertTrue(idle.tryStartSearching());
        assertFalse(idle.tryStartSearching(), "a third searcher of four workers is refused");
        assertFalse(idle.stopSearching(), "one searcher is left");
        assertTrue(idle.stopSearching(), "the last searcher learns it was the last");
        assertEquals(0, idle.searching());
    }

    @Test
    void a_burst_of_wake_ups_wakes_one_sleeper_while_it_searches() {
        WorkerThread a = worker("a");
        WorkerThread b = worker("b");
        idle.sleep(a, false);
        idle.sleep(b, false);
        idle.notifyOne();
        idle.notifyOne();
        idle.notifyOne();
        assertEquals(1, idle.searching(), "only the first wake-up woke a worker, which now searches");
        assertTrue(a.sleeping != b.sleeping, "one of the two still sleeps");

        assertTrue(idle.stopSearching(), "the woken worker found the work");
        idle.notifyOne();
        assertFalse(a.sleeping || b.sleeping, "with no one searching, the next wake-up wakes the other");
    }

    @Test
    void a_worker_that_finds_work_on_its_last_look_wakes_itself_once() {
        WorkerThread a = worker("a");
        assertTrue(idle.tryStartSearching());
        idle.sleep(a, true);
        assertEquals(0, idle.searching(), "a searcher that goes to sleep stops searching");
        assertTrue(idle.wakeSelf(a));
        assertFalse(a.sleeping);
        assertEquals(1, idle.searching(), "it is back, counted as searching");
        assertTrue(idle.wakeSelf(a));
        assertEquals(1, idle.searching(), "a second look changes nothing");
    }

    @Test
    void a_worker_that_finds_work_on_its_last_look_stays_asleep_while_half_of_the_workers_search() {
        WorkerThread c = worker("c");
        assertTrue(idle.tryStartSearching());
        assertTrue(idle.tryStartSearching());
        idle.sleep(c, false);
        assertFalse(idle.wakeSelf(c), "two of four workers search already; they will find the work");
        assertTrue(c.sleeping, "it stays among the sleepers, for the last searcher to wake");
        assertEquals(2, idle.searching(), "the searching cap holds");

        assertFalse(idle.stopSearching(), "one searcher found work, one is left");
        assertTrue(idle.wakeSelf(c), "below the cap, its next last look wakes it");
        assertFalse(c.sleeping);
        assertEquals(2, idle.searching());
    }

    @Test
    void a_worker_woken_by_a_waker_meanwhile_is_awake_whatever_the_cap() {
        WorkerThread c = worker("c");
        idle.sleep(c, false);
        idle.notifyOne();
        assertFalse(c.sleeping, "the waker took it off the sleepers and counted it searching");
        assertTrue(idle.tryStartSearching(), "a second searcher of four is allowed");
        assertTrue(idle.wakeSelf(c), "already awake: it searches, as its waker counted");
        assertEquals(2, idle.searching(), "it was counted once, by its waker");
    }
}
