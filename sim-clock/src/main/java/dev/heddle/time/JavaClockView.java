package dev.heddle.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link Clock} seen as a {@code java.time.Clock}, for code that takes an injected clock
 * ({@code Instant.now(clock)}, {@code LocalDateTime.now(clock)}, caches and token expiries):
 * every reading asks the Heddle clock, so in a simulation it is virtual time on the reading
 * task's host, and an hour of sleeping moves it an hour.
 */
final class JavaClockView extends java.time.Clock {
    private final Clock clock;
    private final ZoneId zone;

    JavaClockView(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
        return new JavaClockView(clock, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JavaClockView v && v.clock.equals(clock) && v.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return clock.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "JavaClockView[" + clock + ", " + zone + "]";
    }
}
