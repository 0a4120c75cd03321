package dev.heddle.agent.test;

import dev.heddle.sim.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Uses of the {@code Thread} API as code written for the JDK makes them, each returning what it
 * saw as lines of text, for the tests to compare inside and outside a simulation.
 */
public final class ThreadApi {
    private ThreadApi() {}

    /** Names, identity, states, self-interrupts and join, seen from the thread and from its starter. */
    public static List<String> lifeOfAThread() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Thread[] started = new Thread[1];
        List<String> inside = new ArrayList<>();
        Thread worker = new Thread(() -> {
            Thread me = Thread.currentThread();
            inside.add("name " + me.getName());
            inside.add("is the started thread " + (me == started[0]));
            inside.add("alive " + me.isAlive() + ", " + me.getState());
            me.interrupt();
            inside.add("interrupted " + me.isInterrupted());
            inside.add("interrupted() " + Thread.interrupted() + ", then " + Thread.currentThread().isInterrupted());
        }, "worker-1");
        started[0] = worker;
        seen.add("before start " + worker.getState() + ", alive " + worker.isAlive());
        worker.start();
        worker.join();
        seen.addAll(inside);
        seen.add("after join " + worker.getState() + ", alive " + worker.isAlive());
        try {
            worker.start();
            seen.add("started twice");
        } catch (IllegalThreadStateException e) {
            seen.add("a second start is refused");
        }
        return seen;
    }

    /** An interrupt from the starter ends the worker's blocking {@code take()} with an InterruptedException. */
    public static List<String> interruptABlockedWorker() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            waiting.countDown();
            try {
                seen.add("took " + queue.take());
            } catch (InterruptedException e) {
                seen.add("interrupted in take, flag " + Thread.currentThread().isInterrupted());
            }
        }, "taker");
        worker.start();
        waiting.await();
        worker.interrupt();
        worker.join();
        seen.add("joined, alive " + worker.isAlive());
        return seen;
    }

    /** An exception escapes a thread that has a handler: the handler gets the thread object and the exception. */
    public static List<String> handlerOfTheThread() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Thread doomed = new Thread(() -> {
            throw new IllegalStateException("boom");
        }, "doomed-with-handler");
        doomed.setUncaughtExceptionHandler((t, e) -> seen.add("handler got '" + t.getName() + "' "
                + (t == doomed) + " " + e.getMessage()));
        doomed.start();
        doomed.join();
        return seen;
    }

    /** An exception escapes a thread without a handler of its own: the default handler, if any, gets it. */
    public static void throwingThread(String name) throws InterruptedException {
        Thread doomed = new Thread(() -> {
            throw new IllegalStateException("no one catches this");
        }, name);
        doomed.start();
        doomed.join();
    }

    /** {@code Thread.ofPlatform()}: started, unstarted then started, and from its factory; names of each. */
    public static List<String> platformBuilders() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Thread first = Thread.ofPlatform().name("built-", 1).start(() -> seen.add(Thread.currentThread().getName()));
        first.join();
        Thread second = Thread.ofPlatform().name("built-2").unstarted(() -> seen.add(Thread.currentThread().getName()));
        second.start();
        second.join();
        ThreadFactory factory = Thread.ofPlatform().name("made-", 1).factory();
        Thread third = factory.newThread(() -> seen.add(Thread.currentThread().getName()));
        third.start();
        third.join();
        return seen;
    }

    /**
     * Starts a daemon and a non-daemon thread that each wait for ever on a latch nobody counts
     * down, and returns without joining them.
     */
    public static void leaveWaiting(boolean daemon) {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, daemon ? "daemon-waiter" : "waiter");
        waiter.setDaemon(daemon);
        waiter.start();
    }

    /** A subclass of {@code Thread} that overrides {@code run()}: it runs as itself, interrupts itself, sees it. */
    public static List<String> subclassOverridingRun() throws InterruptedException {
        final class Ticker extends Thread {
            private final List<String> seen = new ArrayList<>();

            Ticker() {
                super("ticker");
            }

            @Override
            public void run() {
                seen.add("running as " + getName() + ", current is this " + (currentThread() == this));
                interrupt();
                seen.add("interrupted " + isInterrupted());
            }
        }
        Ticker ticker = new Ticker();
        ticker.start();
        ticker.join();
        return ticker.seen;
    }

    /**
     * A hand-made hand-off on {@code LockSupport}: the waiter records {@code Thread.currentThread()}
     * and parks until a flag is set; the starter sets it and unparks the recorded thread.
     */
    public static String unparkTheRecordedThread() throws InterruptedException {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        AtomicBoolean ready = new AtomicBoolean();
        Thread parker = new Thread(() -> {
            waiter.set(Thread.currentThread());
            while (!ready.get()) {
                LockSupport.park();
            }
        }, "parker");
        parker.start();
        while (waiter.get() == null) {
            Thread.yield();
        }
        ready.set(true);
        LockSupport.unpark(waiter.get());
        parker.join();
        return "woke " + waiter.get().getName() + ", the started thread " + (waiter.get() == parker);
    }

    /** The simulated host a new thread's work runs on, as {@code Host.current()} tells it, or "none". */
    public static String hostOfANewThread() throws InterruptedException {
        String[] host = new String[1];
        Thread t = new Thread(() -> host[0] = Host.current().map(Host::name).orElse("none"));
        t.start();
        t.join();
        return host[0];
    }

    /** A thread that waits on a latch nobody counts down, joined: a deadlock of the program's own threads. */
    public static void joinAThreadWaitingOnALatchForEver() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "latch-waiter");
        waiter.start();
        waiter.join();
    }
}
