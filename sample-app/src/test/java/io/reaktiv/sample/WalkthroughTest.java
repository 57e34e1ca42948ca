package io.reaktiv.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays every command of the walkthrough in the repository's {@code README.md} against the running app, in order, and checks what each
 * command's comment says ({@code # → 200 "status":"alert"}: the status, then text the response contains, headers
 * included). Understands exactly what the walkthrough uses: {@code curl} with {@code -s -S -i -o -w -X -H -d},
 * {@code for i in $(seq 1 N); do curl ...; done}, and {@code sleep N}, which moves the app's clock instead of
 * waiting. Any other curl option fails the test, so the walkthrough cannot drift into commands nobody checks.
 *
 * <p>The walkthrough is written for a freshly started app; this one is shared with the other tests, so the test
 * first lets two minutes pass (every gateway window empties) and heals the demo upstream. Between commands it
 * waits for the effects to settle, as a person typing would.
 */
class WalkthroughTest extends SampleAppTest {

    private static final Path WALKTHROUGH = Path.of("..", "README.md"); // the walkthrough is the README's
    private static final Pattern LOOP = Pattern.compile("for i in \\$\\(seq 1 (\\d+)\\); do (curl .*); done");
    private static final Pattern SLEEP = Pattern.compile("sleep (\\d+)");
    private static final Pattern EXPECT = Pattern.compile("→ (\\d{3})(?:\\s+(.*))?");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One command of the walkthrough. */
    private record Command(int line, String text, String shell, int expectedStatus, String expectedText) {
    }

    @Test
    void everyCommandOfTheWalkthroughDoesWhatItSays() throws Exception {
        http.put("/upstream/orders/failure-rate", "{\"rate\": 0}").expect(200);
        advance(Duration.ofMinutes(2));

        List<Command> commands = parse(Files.readAllLines(WALKTHROUGH, StandardCharsets.UTF_8));
        assertThat(commands.stream().filter(c -> c.shell().contains("curl ")).count())
                .as("curl commands in the walkthrough").isGreaterThanOrEqualTo(50);
        int requests = 0;
        for (Command command : commands) {
            awaitEffectsIdle();
            Matcher sleep = SLEEP.matcher(command.shell());
            Matcher loop = LOOP.matcher(command.shell());
            if (sleep.matches()) {
                advance(Duration.ofSeconds(Long.parseLong(sleep.group(1))));
            } else if (loop.matches()) {
                for (int i = 0; i < Integer.parseInt(loop.group(1)); i++) {
                    check(command, curl(command, loop.group(2)));
                    requests++;
                }
            } else {
                check(command, curl(command, command.shell()));
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(150);
    }

    /** The shell commands in the bash blocks, with their expectations; lines without a command are skipped. */
    private static List<Command> parse(List<String> lines) {
        List<Command> out = new ArrayList<>();
        boolean inBash = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            if (!inBash || !(line.startsWith("curl ") || line.startsWith("for ") || line.startsWith("sleep "))) {
                continue;
            }
            int hash = commentStart(line);
            String shell = (hash < 0 ? line : line.substring(0, hash)).strip();
            String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
            int status = 0;
            String text = "";
            Matcher expect = EXPECT.matcher(comment);
            if (expect.matches()) {
                status = Integer.parseInt(expect.group(1));
                text = expect.group(2) == null ? "" : expect.group(2).strip();
            }
            out.add(new Command(i + 1, line, shell, status, text));
        }
        return out;
    }

    /** Where a {@code #} outside quotes that follows a space starts a comment, or -1. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** Splits a command like a POSIX shell does for the quoting the walkthrough uses. */
    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    /** Sends what the curl command would send, to this test's port instead of 8080. */
    private HttpResponse<String> curl(Command command, String curl) throws IOException, InterruptedException {
        List<String> words = words(curl);
        String method = null;
        String body = null;
        String url = null;
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-s", "-S", "-i" -> {
                }
                case "-o", "-w" -> i++;
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d", "--data" -> body = words.get(++i);
                default -> {
                    if (w.startsWith("-")) {
                        fail("line %d: curl option %s is not understood by this test: %s", command.line(), w,
                                command.text());
                    }
                    url = w;
                }
            }
        }
        assertThat(url).as("line %d has a URL", command.line()).isNotNull();
        String path = url.replaceFirst("^http://", "");
        assertThat(path).as("line %d talks to localhost:8080", command.line()).startsWith("localhost:8080/");
        path = path.substring("localhost:8080".length());
        method = method != null ? method : body != null ? "POST" : "GET";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(Command command, HttpResponse<String> response) {
        StringBuilder seen = new StringBuilder("HTTP/1.1 " + response.statusCode() + "\n");
        response.headers().map().forEach((name, values) -> values.forEach(v -> seen.append(name).append(": ")
                .append(v).append('\n')));
        seen.append('\n').append(response.body());
        String where = "line " + command.line() + ": " + command.text() + "\nanswered:\n" + seen;
        if (command.expectedStatus() == 0) {
            assertThat(response.statusCode()).as(where).isBetween(200, 299);
        } else {
            assertThat(response.statusCode()).as(where).isEqualTo(command.expectedStatus());
        }
        assertThat(seen.toString().toLowerCase(Locale.ROOT)).as(where)
                .contains(command.expectedText().toLowerCase(Locale.ROOT));
    }
}
