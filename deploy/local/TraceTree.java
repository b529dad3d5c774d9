import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the OTLP JSON lines the services write with LANES_TRACES_EXPORTER=file (deploy/local/run
 * --traces writes them to .lanes/traces/) and prints, without an argument, the latest traces that began
 * with a request, or, given a trace id, that trace as a tree: each span's offset from the trace's start,
 * its service, kind, name and duration, children indented under their parent.
 *   java deploy/local/TraceTree.java <directory> [trace-id]
 */
public class TraceTree {

    record Span(String service, String traceId, String id, String parent, String name, String kind,
            long start, long end, String subject) {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : ".lanes/traces");
        List<Span> spans = read(directory);
        if (args.length > 1) {
            printTree(spans.stream().filter(s -> s.traceId().equals(args[1])).collect(Collectors.toList()));
        } else {
            printLatest(spans);
        }
    }

    private static void printLatest(List<Span> spans) {
        Map<String, List<Span>> traces = spans.stream().collect(Collectors.groupingBy(Span::traceId));
        traces.values().stream()
                .map(trace -> {
                    var ids = trace.stream().map(Span::id).collect(Collectors.toSet());
                    // The request that began it here: its parent, if any, is the caller's, outside the files.
                    return trace.stream().filter(s -> !ids.contains(s.parent()) && s.kind().equals("SERVER"))
                            .findFirst().map(root -> Map.entry(root, trace)).orElse(null);
                })
                .filter(e -> e != null)
                .sorted(Comparator.comparingLong((Map.Entry<Span, List<Span>> e) -> e.getKey().start()).reversed())
                .limit(15)
                .forEach(e -> System.out.printf("%s  %-22s %-45s %3d spans in %s%n", e.getKey().traceId(),
                        e.getKey().service(), e.getKey().name(), e.getValue().size(),
                        e.getValue().stream().map(Span::service).distinct().sorted().collect(Collectors.joining(", "))));
    }

    private static void printTree(List<Span> trace) {
        if (trace.isEmpty()) {
            System.out.println("no span of that trace (yet: spans are written a few seconds after they end)");
            return;
        }
        long start = trace.stream().mapToLong(Span::start).min().orElseThrow();
        Map<String, List<Span>> children = new LinkedHashMap<>();
        List<Span> roots = new ArrayList<>();
        var ids = trace.stream().map(Span::id).collect(Collectors.toSet());
        for (Span span : trace.stream().sorted(Comparator.comparingLong(Span::start)).collect(Collectors.toList())) {
            if (ids.contains(span.parent())) {
                children.computeIfAbsent(span.parent(), k -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        roots.forEach(root -> print(root, children, start, 0));
    }

    private static void print(Span span, Map<String, List<Span>> children, long start, int depth) {
        System.out.printf("%+10.1f ms  %s%-20s %-8s %s (%.1f ms)%s%n", (span.start() - start) / 1e6, "  ".repeat(depth),
                span.service(), span.kind(), span.name(), (span.end() - span.start()) / 1e6,
                span.subject() == null ? "" : "  " + span.subject());
        children.getOrDefault(span.id(), List.of()).forEach(child -> print(child, children, start, depth + 1));
    }

    @SuppressWarnings("unchecked")
    private static List<Span> read(Path directory) throws IOException {
        List<Span> spans = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return spans;
        }
        String[] kinds = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> request = (Map<String, Object>) new Json(line).value();
                    for (Object r : (List<Object>) request.get("resourceSpans")) {
                        Map<String, Object> resource = (Map<String, Object>) r;
                        String service = attribute(((Map<String, Object>) resource.get("resource")), "service.name");
                        for (Object s : (List<Object>) resource.get("scopeSpans")) {
                            for (Object o : (List<Object>) ((Map<String, Object>) s).get("spans")) {
                                Map<String, Object> span = (Map<String, Object>) o;
                                Object kind = span.get("kind");
                                spans.add(new Span(service, (String) span.get("traceId"), (String) span.get("spanId"),
                                        String.valueOf(span.getOrDefault("parentSpanId", "")), (String) span.get("name"),
                                        kind instanceof Number n ? kinds[n.intValue()] : String.valueOf(kind),
                                        Long.parseLong((String) span.get("startTimeUnixNano")),
                                        Long.parseLong((String) span.get("endTimeUnixNano")),
                                        attribute(span, "cloudevents.event_subject")));
                            }
                        }
                    }
                }
            }
        }
        return spans;
    }

    @SuppressWarnings("unchecked")
    private static String attribute(Map<String, Object> holder, String key) {
        for (Object a : (List<Object>) holder.getOrDefault("attributes", List.of())) {
            Map<String, Object> attribute = (Map<String, Object>) a;
            if (key.equals(attribute.get("key"))) {
                return String.valueOf(((Map<String, Object>) attribute.get("value")).values().iterator().next());
            }
        }
        return null;
    }

    /** Just enough JSON for OTLP lines: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    at++; // ':'
                    object.put(key, value());
                    skip();
                } while (text.charAt(at++) == ',');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                    skip();
                } while (text.charAt(at++) == ',');
                return array;
            }
            if (c == '"') {
                return string();
            }
            int from = at;
            while (at < text.length() && ",}] \t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(from, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
