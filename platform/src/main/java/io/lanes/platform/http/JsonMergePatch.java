package io.lanes.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import java.util.Iterator;
import java.util.Map;

/** RFC 7386 JSON Merge Patch: {@code PATCH} with {@code application/merge-patch+json}. */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {}

    /** A request body as a merge patch: a JSON object, else a 400 problem saying what is wrong. */
    public static JsonNode parse(String body) {
        try {
            JsonNode node =
                    body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch is a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The target with the patch applied; neither argument is modified. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
