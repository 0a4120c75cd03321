package dev.heddle.sim;

/**
 * How a failure tells the user to rerun its run: the command printed ({@code text}, the test's
 * own or {@link RunConfiguration#rerunInJava()}) and the configuration it must reproduce.
 */
record RerunCommand(String text, RunConfiguration configuration) {}
