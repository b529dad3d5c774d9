import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A PM tool's webhook endpoint for the local run: prints one line per delivery and whether its
 * Standard Webhooks signature verifies with the secret in the given file (the demo firm writes it there
 * when it subscribes this endpoint). Answers 204.
 *   java deploy/local/WebhookEcho.java [port] [secret-file]      default 8099 .lanes/webhook-echo.secret
 */
public class WebhookEcho {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        Path secretFile = Path.of(args.length > 1 ? args[1] : ".lanes/webhook-echo.secret");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String text = new String(body, StandardCharsets.UTF_8);
            System.out.printf("%s %-38s %-8s %s matter %s%n", Instant.now(), field(text, "type"),
                    verified(secretFile, id, timestamp, body, signature), id, field(text, "subject"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("webhook-echo listening on http://127.0.0.1:" + port + "/lanes");
    }

    /** The Standard Webhooks check, in a few lines: HMAC-SHA256 of id.timestamp.body, base64, "v1," first. */
    static String verified(Path secretFile, String id, String timestamp, byte[] body, String header) {
        try {
            String secret = Files.readString(secretFile).strip();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            return header != null && Arrays.asList(header.split(" ")).contains(expected) ? "signed" : "FORGED?";
        } catch (Exception e) {
            return "no-secret";
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
