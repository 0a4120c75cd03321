package dev.heddle.sim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A printed Java rerun line, {@code Simulation.ofSeed(0x2aL).strategy(Strategy.PCT).pctHorizon(57).run(...)},
 * turned back into the {@link Simulation} it names, by reflection, as a user pasting it would
 * get: the chain of calls is applied as written, with its literals (numbers with {@code L} and
 * {@code 0x}, strings, booleans), enum constants and static factories ({@code Duration.ofMillis},
 * {@code Instant.parse}) of the classes a rerun line may name. Anything else fails the test.
 */
final class JavaRerunLine {
    private static final Map<String, Class<?>> CLASSES = Map.of("Simulation", Simulation.class,
            "Strategy", Strategy.class, "LockHeldPolicy", LockHeldPolicy.class, "Duration", Duration.class,
            "Instant", Instant.class);
    private static final String END = ".run(...)";

    private final String text;
    private int at;

    private JavaRerunLine(String text) {
        this.text = text;
    }

    /** The simulation of {@code line}; it must end with {@code .run(...)}. */
    static Simulation parse(String line) {
        if (!line.endsWith(END)) {
            throw new AssertionError("a Java rerun line ends with " + END + ": " + line);
        }
        JavaRerunLine parser = new JavaRerunLine(line.substring(0, line.length() - END.length()));
        Object simulation = parser.expression();
        while (parser.at < parser.text.length()) {
            parser.expect('.');
            String method = parser.identifier();
            simulation = invoke(simulation.getClass(), simulation, method, parser.arguments());
        }
        return (Simulation) simulation;
    }

    /** The text after {@code "\nrerun: "} in a failure's message. */
    static String of(SimulationFailure failure) {
        String m = failure.getMessage();
        return m.substring(m.lastIndexOf("\nrerun: ") + "\nrerun: ".length());
    }

    private Object expression() {
        char c = text.charAt(at);
        if (c == '"') {
            int end = text.indexOf('"', at + 1);
            String s = text.substring(at + 1, end);
            at = end + 1;
            return s;
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        String name = identifier();
        if (name.equals("true") || name.equals("false")) {
            return Boolean.parseBoolean(name);
        }
        Class<?> type = CLASSES.get(name);
        if (type == null) {
            throw new AssertionError("a rerun line names an unknown class '" + name + "' in: " + text);
        }
        expect('.');
        String member = identifier();
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(member)) {
                    return constant;
                }
            }
            throw new AssertionError(name + " has no constant " + member);
        }
        return invoke(type, null, member, arguments());
    }

    private Object number() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "-.+".indexOf(text.charAt(at)) >= 0)
                && !(text.charAt(at) == '-' && at > start && "eE".indexOf(text.charAt(at - 1)) < 0)) {
            at++;
        }
        String n = text.substring(start, at);
        if (n.startsWith("0x") && n.endsWith("L")) {
            return Long.parseUnsignedLong(n.substring(2, n.length() - 1), 16);
        }
        if (n.endsWith("L")) {
            return Long.parseLong(n.substring(0, n.length() - 1));
        }
        if (n.contains(".") || n.contains("E")) {
            return Double.parseDouble(n);
        }
        return Integer.parseInt(n);
    }

    private List<Object> arguments() {
        expect('(');
        List<Object> args = new ArrayList<>();
        while (text.charAt(at) != ')') {
            args.add(expression());
            if (text.charAt(at) == ',') {
                at++;
                while (text.charAt(at) == ' ') {
                    at++;
                }
            }
        }
        at++;
        return args;
    }

    private String identifier() {
        int start = at;
        while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new AssertionError("expected a name at " + at + " of: " + text);
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new AssertionError("expected '" + c + "' at " + at + " of: " + text);
        }
        at++;
    }

    private static Object invoke(Class<?> type, Object target, String name, List<Object> args) {
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.size()
                    || Modifier.isStatic(m.getModifiers()) != (target == null)) {
                continue;
            }
            Object[] converted = convert(m.getParameterTypes(), args);
            if (converted != null) {
                try {
                    return m.invoke(target, converted);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new AssertionError("cannot call " + m + " with " + args, e);
                }
            }
        }
        throw new AssertionError("no method " + type.getSimpleName() + "." + name + " takes " + args);
    }

    /** The arguments as the parameter types take them (Java's widening of int literals), or null. */
    private static Object[] convert(Class<?>[] types, List<Object> args) {
        Object[] out = new Object[args.size()];
        for (int i = 0; i < types.length; i++) {
            Object a = args.get(i);
            Class<?> t = types[i];
            if (t == long.class && (a instanceof Long || a instanceof Integer)) {
                out[i] = ((Number) a).longValue();
            } else if (t == int.class && a instanceof Integer) {
                out[i] = a;
            } else if (t == double.class && a instanceof Number n) {
                out[i] = n.doubleValue();
            } else if (t == boolean.class && a instanceof Boolean) {
                out[i] = a;
            } else if (!t.isPrimitive() && t.isInstance(a)) {
                out[i] = a;
            } else {
                return null;
            }
        }
        return out;
    }
}
