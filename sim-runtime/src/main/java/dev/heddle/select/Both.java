package dev.heddle.select;

/** The values of two tasks joined together by {@link Join#join} or {@link Join#tryJoin}. */
public record Both<A, B>(A first, B second) {}
