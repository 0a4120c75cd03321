package dev.heddle.junit.fuzz;

/** A range of consecutive seeds of one test, handed to one fork: {@code count} seeds from {@code first}. */
record SeedUnit(FuzzTarget target, long first, long count) {

    /** The seeds of this range after the first {@code ended}, which a fork ran or died on. */
    SeedUnit after(long ended) {
        return new SeedUnit(target, first + ended, count - ended);
    }
}
