package dev.heddle.net.internal.sim;

/** The link from one host to another, by their names: {@code a -> b} is not {@code b -> a}. */
record DirectedLink(String from, String to) {

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
