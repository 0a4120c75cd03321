/**
 * Not API: the seam between {@code dev.heddle.net}'s public classes and the network they run on.
 * {@link dev.heddle.net.internal.NetBackend} opens endpoints and returns their drivers
 * ({@link dev.heddle.net.internal.ListenerDriver}, {@link dev.heddle.net.internal.StreamDriver},
 * {@link dev.heddle.net.internal.DatagramDriver}); {@link dev.heddle.net.internal.NetExceptions}
 * and {@link dev.heddle.net.internal.ClosedSocketException} make the failures every backend
 * reports, so that they read the same whatever carries the bytes.
 *
 * <p>What may call what: {@code dev.heddle.net} calls this package and picks the backend; a
 * backend ({@code internal.nio}) implements these interfaces and uses
 * {@code dev.heddle.runtime}'s ops, waiters and {@code Suspension}. Nothing here depends on
 * {@code dev.heddle.net} or on a backend, so the public classes never see how bytes travel.
 */
package dev.heddle.net.internal;
