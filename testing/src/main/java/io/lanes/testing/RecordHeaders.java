package io.lanes.testing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads text headers of consumed records in assertions. */
public final class RecordHeaders {

    private RecordHeaders() {}

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
