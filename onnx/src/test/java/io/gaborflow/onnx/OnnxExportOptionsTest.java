package io.gaborflow.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of the ONNX export relies on besides equal answers: its choices and refusals. */
class OnnxExportOptionsTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(1).batchSize(32).threads(2).seed(3).build();

  @TempDir Path dir;

  private Path exported(ModelGraph network) {
    Path export = dir.resolve("export");
    Dataset data = OnnxRuntimeMatchesGaborflowTest.data(network.spec(), 7);
    ModelTrainer.of(network, CONFIG, data).train(RunOptions.exportTo(export));
    return export;
  }

  @Test
  void noiseAtTestIsRefusedByNameUnlessLeftOut() throws Exception {
    NetworkSpec spec =
        NetworkVariants.withV1Stages(
            ModelCatalog.graph("gabor-lenet").spec(), new BankNoise(NoiseKind.POISSON, 0.5));
    Path file = dir.resolve("vone.onnx");
    try (ExportedModel model = ExportedModel.load(exported(ModelGraph.of(spec)))) {
      OnnxExportException refused =
          assertThrows(
              OnnxExportException.class,
              () -> OnnxExport.write(model, file, OnnxExport.Options.defaults()));
      assertTrue(
          refused.getMessage().startsWith("bank layer1/gabor1 adds poisson noise"),
          refused.getMessage());
      assertFalse(Files.exists(file), "a refused export leaves no file");

      OnnxExport.Written written =
          OnnxExport.write(model, file, OnnxExport.Options.defaults().withoutNoise());
      assertEquals(
          java.util.List.of("layer1/gabor1"),
          written.noiseLeftOut(),
          "the V1 stage is the first layer");
    }
    ModelProto onnx = read(file);
    assertTrue(
        onnx.getMetadataPropsList().stream()
            .anyMatch(
                p ->
                    p.getKey().equals("gaborflow.noise_left_out")
                        && p.getValue().contains("layer1/gabor1")));
    for (NodeProto node : onnx.getGraph().getNodeList()) {
      assertFalse(node.getOpType().startsWith("Random"), node.getName());
    }
  }

  @Test
  void nchwInputGivesTheSameAnswersAsNhwc() throws Exception {
    ModelGraph network = ModelCatalog.graph("gabor-nin");
    Path nhwc = dir.resolve("nhwc.onnx");
    Path nchw = dir.resolve("nchw.onnx");
    try (ExportedModel model = ExportedModel.load(exported(network))) {
      OnnxExport.write(model, nhwc, OnnxExport.Options.defaults());
      OnnxExport.write(
          model, nchw, OnnxExport.Options.defaults().withLayout(OnnxExport.Layout.NCHW));
    }
    NetworkSpec spec = network.spec();
    float[] pixels =
        OnnxRuntimeMatchesGaborflowTest.pixels(
            spec,
            OnnxRuntimeMatchesGaborflowTest.data(spec, 7).standardization(),
            OnnxRuntimeMatchesGaborflowTest.IMAGES,
            5);
    int h = spec.input().height();
    int w = spec.input().width();
    int c = spec.input().channels();
    float[] planar = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      int image = i / (h * w * c);
      planar[(image * c + i % c) * h * w + (i / c) % (h * w)] = pixels[i];
    }
    float[] a = OnnxRuntimeMatchesGaborflowTest.run(nhwc, pixels, spec, false);
    float[] b = OnnxRuntimeMatchesGaborflowTest.run(nchw, planar, spec, true);
    assertTrue(Arrays.equals(a, b), "NCHW and NHWC inputs give other answers");
  }

  @Test
  void aModelSessionIsWrittenAsItsExportWouldBe() throws Exception {
    ModelGraph network = ModelCatalog.graph("gabor-lenet");
    Dataset data = OnnxRuntimeMatchesGaborflowTest.data(network.spec(), 7);
    Path fromSession = dir.resolve("session.onnx");
    Path fromExport = dir.resolve("export.onnx");
    try (ModelSession session = ModelSession.open(network, CONFIG)) {
      session.initialize(CONFIG.seed());
      Runs.train(session, data);
      OnnxExport.write(session, data, fromSession, OnnxExport.Options.defaults());
      Path export = dir.resolve("session-export");
      ModelExport.write(session.servable(), data, export);
      try (ExportedModel model = ExportedModel.load(export)) {
        OnnxExport.write(model, fromExport, OnnxExport.Options.defaults());
      }
    }
    assertTrue(Arrays.equals(Files.readAllBytes(fromExport), Files.readAllBytes(fromSession)));
  }

  @Test
  void anExportWithoutItsNetworkAsksToBeExportedAgain() throws Exception {
    Path export = exported(ModelCatalog.graph("lenet"));
    Path metadata = export.resolve("gaborflow.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode old = (ObjectNode) json.readTree(metadata.toFile());
    old.remove("network");
    json.writeValue(metadata.toFile(), old);
    try (ExportedModel model = ExportedModel.load(export)) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> OnnxExport.write(model, dir.resolve("x.onnx"), OnnxExport.Options.defaults()));
      assertTrue(e.getMessage().contains("export the model again"), e.getMessage());
    }
  }

  private static ModelProto read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return ModelProto.parseFrom(in);
    }
  }
}
