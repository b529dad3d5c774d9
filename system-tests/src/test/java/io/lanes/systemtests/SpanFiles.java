package io.lanes.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The spans the services wrote as OTLP JSON lines (LANES_TRACES_EXPORTER=file), one file per service:
 * each line an export request of resource spans.
 */
final class SpanFiles {

    static final Path DIRECTORY = Path.of("target", "system-test-traces").toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpanFiles() {}

    /** One finished span, as the trace needs it. */
    record Span(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            long startNanos,
            JsonNode attributes) {

        String attribute(String key) {
            for (JsonNode attribute : attributes) {
                if (key.equals(attribute.path("key").asText())) {
                    return attribute.path("value").elements().next().asText();
                }
            }
            return null;
        }
    }

    /** Every span of one trace, in every service's file. */
    static List<Span> ofTrace(String traceId) {
        List<Span> spans = new ArrayList<>();
        if (!Files.isDirectory(DIRECTORY)) {
            return spans;
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(traceId)) {
                        read(JSON.readTree(line), traceId, spans);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    private static void read(JsonNode request, String traceId, List<Span> spans) {
        for (JsonNode resource : request.path("resourceSpans")) {
            String service = null;
            for (JsonNode attribute : resource.path("resource").path("attributes")) {
                if ("service.name".equals(attribute.path("key").asText())) {
                    service = attribute.path("value").path("stringValue").asText();
                }
            }
            for (JsonNode scope : resource.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    if (traceId.equals(span.path("traceId").asText())) {
                        spans.add(new Span(
                                service,
                                traceId,
                                span.path("spanId").asText(),
                                span.path("parentSpanId").asText(""),
                                span.path("name").asText(),
                                kind(span.path("kind")),
                                Long.parseLong(span.path("startTimeUnixNano").asText()),
                                span.path("attributes")));
                    }
                }
            }
        }
    }

    /** OTLP JSON writes the kind as its enum number; 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    private static String kind(JsonNode kind) {
        String[] names = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
        return kind.isNumber() ? names[kind.asInt()] : kind.asText().replace("SPAN_KIND_", "");
    }

    static Optional<Span> find(List<Span> spans, String service, String kind, String name) {
        return spans.stream()
                .filter(s -> s.service().equals(service)
                        && s.kind().equals(kind)
                        && s.name().equals(name))
                .findFirst();
    }
}
