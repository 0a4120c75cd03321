/**
 * What Heddle's own packages are built on; not API. Public only so that Heddle's other
 * packages ({@code runtime}, {@code sync}, {@code channel.*}, {@code select}, {@code sim},
 * Heddle's benchmarks) can reach it; it may change in any release, and user code must not use
 * it ({@code ArchitectureTest} checks the examples).
 *
 * <p>It holds the task ({@link dev.heddle.runtime.internal.Task}), the machine it runs on
 * ({@link dev.heddle.runtime.internal.Node}: a name and a clock, inherited at spawn, which the
 * simulator gives each simulated host) and how a task suspends
 * ({@link dev.heddle.runtime.internal.Suspension}); the op layer under {@code sync},
 * {@code channel.*} and {@code select} ({@link dev.heddle.runtime.internal.Waiter},
 * {@link dev.heddle.runtime.internal.WaitQueue}, beside {@link dev.heddle.runtime.SelectableOp});
 * the {@link dev.heddle.runtime.internal.Carrier} seam and the production carriers; and
 * {@link dev.heddle.runtime.internal.RuntimeAccess}, through which the simulator builds a
 * runtime on its own carrier. It may use {@code runtime}'s API types and {@code time}, never
 * {@code sync}, {@code channel}, {@code select} or {@code sim}: those plug in from above
 * (the simulator as one more {@code Carrier}).
 *
 * <h2>Memory-ordering names</h2>
 * Heddle's hand-written concurrent code (here, in {@code runtime.internal.scheduler},
 * {@code sync.Mutex}, {@code channel.mpsc.ChannelState}) names each access to a shared field
 * after its memory order, as JCTools does (the package doc of {@code org.jctools.queues}):
 * the prefix is the order, so each line shows what it pairs with, and the field's doc says
 * who stores it and which loads its stores pair with.
 * <ul>
 *   <li>{@code lpFoo()} / {@code spFoo(v)}: plain load / store, no ordering: a field only its
 *       owner writes, read by that owner, or one published by another access.</li>
 *   <li>{@code lvFoo()} / {@code svFoo(v)}: volatile load / store, sequentially consistent:
 *       a read or write of a {@code volatile} field, {@code Atomic*.get()}/{@code set()}.
 *       Needed for a store followed by a load of another field that must not pass it
 *       (StoreLoad: "either you see my flag or I see yours").</li>
 *   <li>{@code laFoo()}: load acquire ({@code getAcquire}): later accesses stay after it; it
 *       pairs with an {@code so} store and sees what was written before that store.</li>
 *   <li>{@code soFoo(v)}: store ordered, that is release ({@code setRelease},
 *       {@code lazySet}): earlier accesses stay before it, so a reader that loads the value
 *       with {@code la} or {@code lv} sees them; a later load may still pass it.</li>
 *   <li>{@code casFoo(expected, v)}: compare-and-set, volatile; true if it stored.</li>
 *   <li>{@code caxFoo(expected, v)}: compare-and-exchange, volatile; returns the value found
 *       (the witness), which is {@code expected} when it stored.</li>
 *   <li>{@code xchgFoo(v)}: get-and-set; {@code xaddFoo(d)}: get-and-add; both volatile,
 *       returning the value before.</li>
 * </ul>
 * Fences stay explicit ({@code VarHandle.fullFence()}), with a comment on what they order.
 * The rule is per class: a class that uses an explicit order anywhere (a {@code VarHandle},
 * an {@code Atomic*} with {@code lazySet}, CAS or the like) reaches every shared field
 * through accessors named so, grouped under a one-line comment that points here. A class
 * whose only shared fields are {@code volatile} and read and written as such (a flag, a
 * published reference) needs none: {@code volatile} already says lv/sv. (The examples'
 * atomics are user code, and stay as a user would write them.)
 */
package dev.heddle.runtime.internal;
