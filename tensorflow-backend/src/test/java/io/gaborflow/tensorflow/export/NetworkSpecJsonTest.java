package io.gaborflow.tensorflow.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A description written into an export reads back as the same description. */
class NetworkSpecJsonTest {
  private static final ObjectMapper JSON = NetworkSpecJson.configure(new ObjectMapper());

  static Stream<NetworkSpec> specs() {
    NetworkSpec gabor = new SmallGaborNet().spec();
    return Stream.of(
        gabor,
        new SmallResidualNet().spec(),
        NetworkVariants.withGaborTraining(gabor, 1),
        NetworkVariants.withParametricGabor(gabor),
        NetworkVariants.withV1Stages(gabor, new BankNoise(NoiseKind.POISSON, 0.5)));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void readsBackTheSameNodesAndShapes(NetworkSpec spec) throws Exception {
    String json = JSON.writeValueAsString(spec);
    NetworkSpec read = JSON.readValue(json, NetworkSpec.class);
    assertEquals(spec.modelName(), read.modelName());
    assertEquals(spec.qualifiedName(), read.qualifiedName());
    assertEquals(spec.input(), read.input());
    assertEquals(spec.classes(), read.classes());
    assertEquals(spec.nodes(), read.nodes(), json);
    for (int i = 0; i < spec.nodes().size(); i++) {
      assertEquals(spec.shapeOf(i), read.shapeOf(i));
    }
  }
}
