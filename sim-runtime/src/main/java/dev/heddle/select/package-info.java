/**
 * Waiting on several things at once: {@link dev.heddle.select.Select} (Tokio's
 * {@code select!}) over any {@link dev.heddle.runtime.SelectableOp}, with sleeps and
 * cancellation tokens as branches, and {@link dev.heddle.select.Join} (Tokio's {@code join!},
 * {@code try_join!}, {@code join_all}, {@code select_ok}) over task bodies.
 *
 * <p>Built on the op layer in {@code runtime} and {@code runtime.internal} only. A branch is an
 * op the primitive hands out ({@code recvOp()}, {@code lockOp()}, {@code acquireOp(n)},
 * {@code joinOp()}, ...), so this package never names a channel or {@code sync} class, and
 * they never name it. Its own ops (a sleep, a token) are package-private.
 */
package dev.heddle.select;
