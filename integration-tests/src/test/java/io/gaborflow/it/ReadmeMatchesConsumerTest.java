package io.gaborflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using gaborflow from Java" shows the consumer project that the invoker builds and
 * runs, file for file: each code block names its file in its first comment, and equals it.
 */
class ReadmeMatchesConsumerTest {
  private static final Path CONSUMER = Path.of("src/it/consumer");
  private static final Pattern BLOCK =
      Pattern.compile("```(?:xml|java)\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("(?m)^(?:<!-- (\\S+) -->|// (\\S+))$");

  @Test
  void everyConsumerFileIsInTheReadmeAsItIs() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf("## Using gaborflow from Java");
    assertTrue(start >= 0, "the README has no section 'Using gaborflow from Java'");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, String> shown = new TreeMap<>();
    Matcher block = BLOCK.matcher(section);
    while (block.find()) {
      Matcher name = NAME.matcher(block.group(1));
      if (name.find()) {
        shown.put(name.group(1) != null ? name.group(1) : name.group(2), block.group(1));
      }
    }
    Map<String, String> built = new TreeMap<>();
    try (Stream<Path> files = Files.walk(CONSUMER)) {
      for (Path file :
          files.filter(f -> f.toString().endsWith(".java") || f.endsWith("pom.xml")).toList()) {
        built.put(CONSUMER.relativize(file).toString(), Files.readString(file).stripTrailing());
      }
    }
    assertEquals(
        built.keySet(), shown.keySet(), "files shown in the README and files the consumer builds");
    for (Map.Entry<String, String> file : built.entrySet()) {
      assertEquals(file.getValue(), shown.get(file.getKey()), file.getKey() + " in the README");
    }
  }
}
