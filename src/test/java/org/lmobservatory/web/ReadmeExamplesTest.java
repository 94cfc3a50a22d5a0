package org.lmobservatory.web;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every curl example in the README is run against the real server and must answer 200. */
class ReadmeExamplesTest {
    private static final Pattern CURL = Pattern.compile("curl '(http://localhost:7070)([^']*)'");
    /** curl --json sends the body as a POST with Content-Type and Accept application/json. */
    private static final Pattern CURL_JSON = Pattern.compile("curl --json '([^']*)' '(http://localhost:7070)([^']*)'");

    @Test
    void everyCurlExampleInTheReadmeWorks() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = CURL.matcher(readme);
        List<String> paths = new ArrayList<>();
        while (m.find()) paths.add(m.group(2));
        assertFalse(paths.isEmpty(), "README has curl examples");
        for (String path : paths) {
            TestServer.given().urlEncodingEnabled(false).get(path).then().statusCode(200);
        }
        Matcher posts = CURL_JSON.matcher(readme);
        int count = 0;
        while (posts.find()) {
            count++;
            TestServer.given().urlEncodingEnabled(false).contentType("application/json").accept("application/json")
                    .body(posts.group(1)).post(posts.group(3)).then().statusCode(200);
        }
        assertFalse(count == 0, "README has curl --json examples of the POST query");
    }
}
