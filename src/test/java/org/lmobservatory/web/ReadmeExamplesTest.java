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
    }
}
