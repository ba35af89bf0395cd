package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.npy.NpyArray;
import io.gaborflow.core.npy.NpyReader;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datasets export} writes the very images and labels a robustness run evaluates. */
class DatasetsExportTest {
  @TempDir Path dir;

  @Test
  void writesTheRobustnessSubsetAsNumpyArrays() throws IOException {
    int exit =
        Main.commandLine()
            .execute(
                "datasets",
                "export",
                "--data",
                "embedded",
                "--images",
                "30",
                "--seed",
                "4",
                "--out",
                dir.toString());
    assertEquals(0, exit);
    ImageSamples expected = EvaluationImages.test("embedded", 30, 4, new ImageSize(28, 28, 1));
    NpyArray images;
    try (InputStream in = Files.newInputStream(dir.resolve("images.npy"))) {
      images = NpyReader.read(in, "images.npy");
    }
    assertArrayEquals(new int[] {30, 28, 28, 1}, images.shape());
    byte[] labelFile = Files.readAllBytes(dir.resolve("labels.npy"));
    int header = (labelFile[8] & 0xff) | (labelFile[9] & 0xff) << 8;
    ByteBuffer labels =
        ByteBuffer.wrap(labelFile, 10 + header, 30 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 30; i++) {
      float[] image = expected.image(i);
      float[] written = java.util.Arrays.copyOfRange(images.values(), i * 784, (i + 1) * 784);
      assertArrayEquals(image, written, "image " + i);
      assertEquals(expected.label(i), labels.getInt(), "label " + i);
    }
  }
}
