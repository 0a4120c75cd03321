package dev.heddle.junit.internal;

import dev.heddle.junit.SimTest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The test's own system properties that a failure's rerun command repeats
 * ({@link SimTest#rerunProperties}): a switch such as {@code -Dshop.cache=lru} changes the code a
 * seed runs, so a rerun line without it replays another program. Each one set in this JVM becomes
 * {@code -DNAME=VALUE}, the value quoted for a POSIX shell when it needs it; one not set is left
 * out, as the test ran without it.
 */
public final class RerunProperties {
    /** A value a shell takes as one word as it is. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:/@%+=-]*");
    private static final Pattern NAME = Pattern.compile("[^\\s='\"\\\\$`]+");

    private RerunProperties() {}

    /** The {@code -D} options for {@code names}, in their order, from this JVM's system properties. */
    public static List<String> of(String[] names) {
        List<String> options = new ArrayList<>(names.length);
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("@SimTest(rerunProperties) names '" + name + "', which is no system"
                        + " property name: give names such as \"shop.cache\", without spaces, '=', quotes or '$'");
            }
            String value = System.getProperty(name);
            if (value != null) {
                options.add("-D" + name + "=" + (PLAIN.matcher(value).matches() ? value : quoted(value)));
            }
        }
        return options;
    }

    /** {@code value} in single quotes, each quote in it closed, escaped and reopened. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
