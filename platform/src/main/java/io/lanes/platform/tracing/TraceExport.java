package io.lanes.platform.tracing;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Locale;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where finished spans go, chosen at start-up by {@code lanes.traces.exporter}: {@code none} (the
 * default: spans, trace ids in logs and {@code ce_traceparent} all exist, nothing leaves the process),
 * {@code otlp} (OTLP/HTTP protobuf to {@code lanes.traces.otlp.endpoint}, a collector's port 4318) or
 * {@code file} (OTLP JSON lines, one export request a line, appended to {@code lanes.traces.file}).
 *
 * <p>Why an exporter of Lanes' own: Quarkus installs its OTLP exporter at build time with
 * {@code localhost:4317} as its default endpoint, so a service without a collector would log a failed
 * export every few seconds; and it steps aside whenever a {@code SpanExporter} bean exists, which this is.
 */
@Singleton
public class TraceExport implements SpanExporter {

    private final SpanExporter target;

    public TraceExport(
            @ConfigProperty(name = "lanes.traces.exporter", defaultValue = "none") String exporter,
            @ConfigProperty(name = "lanes.traces.otlp.endpoint", defaultValue = "http://localhost:4318/v1/traces")
                    String endpoint,
            @ConfigProperty(name = "lanes.traces.file", defaultValue = "traces.jsonl") Path file) {
        this.target = switch (exporter.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "otlp" -> OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
            case "file" -> toFile(file);
            default ->
                throw new IllegalArgumentException(
                        "lanes.traces.exporter (LANES_TRACES_EXPORTER) must be none, otlp or file, was " + exporter);
        };
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return target == null ? CompletableResultCode.ofSuccess() : target.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return target == null ? CompletableResultCode.ofSuccess() : target.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return target == null ? CompletableResultCode.ofSuccess() : target.shutdown();
    }

    /**
     * OpenTelemetry's OTLP JSON exporter writes each resource's spans to a JUL logger; they are taken
     * off that logger (not to the console) and wrapped as an export request, the OTLP JSON file format
     * a collector's {@code otlpjsonfile} receiver reads.
     */
    private static SpanExporter toFile(Path file) {
        Logger logger = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());
        logger.setUseParentHandlers(false);
        logger.addHandler(new SpanFile(file));
        return OtlpJsonLoggingSpanExporter.create();
    }

    private static final class SpanFile extends Handler {

        private final Writer out;

        SpanFile(Path file) {
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                out = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("lanes.traces.file " + file + " cannot be written", e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            try {
                out.write("{\"resourceSpans\":[" + record.getMessage() + "]}\n");
                out.flush();
            } catch (IOException e) {
                reportError("cannot write spans", e, ErrorManager.WRITE_FAILURE);
            }
        }

        @Override
        public void flush() {}

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                reportError("cannot close the span file", e, ErrorManager.CLOSE_FAILURE);
            }
        }
    }
}
