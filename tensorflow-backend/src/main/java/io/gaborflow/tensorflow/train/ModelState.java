package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.checkpoint.VariableStore;
import io.gaborflow.tensorflow.export.GaborBankParameters;
import io.gaborflow.tensorflow.export.ServableModel;
import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.FloatTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * A model's state in a session, as checkpoints ({@link VariableStore}) and exports ({@link
 * ServableModel}) see it: its variables, its banks and its serving graph.
 */
final class ModelState implements VariableStore, ServableModel {
  private final Graph graph;
  private final Session session;
  private final TrainingGraph training;

  ModelState(Graph graph, Session session, TrainingGraph training) {
    this.graph = graph;
    this.session = session;
    this.training = training;
  }

  /** The current value of a tensor of the graph (a variable or a fixed bank's constant). */
  float[] valueOf(Operand<TFloat32> operand) {
    try (Result result = session.runner().fetch(operand).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }

  @Override
  public Map<String, List<Long>> variableShapes() {
    Map<String, List<Long>> shapes = new TreeMap<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        List<Long> dims = new ArrayList<>();
        for (long d : op.output(0).shape().asArray()) {
          dims.add(d);
        }
        shapes.put(op.name(), dims);
      }
    }
    return shapes;
  }

  @Override
  public String modelName() {
    return spec().modelName();
  }

  @Override
  public void save(String prefix) {
    session.save(prefix);
  }

  @Override
  public void restore(String prefix) {
    session.restore(prefix);
  }

  @Override
  public NetworkSpec spec() {
    return training.network().spec();
  }

  @Override
  public List<ConvBank> banks() {
    return training.network().convBanks();
  }

  @Override
  public Map<String, GaborBankParameters> gaborBanks() {
    Map<String, GaborBankParameters> banks = new LinkedHashMap<>();
    for (FixedBank bank : training.network().fixedBanks()) {
      if (bank.gabor() != null) {
        banks.put(
            bank.name(),
            new GaborBankParameters(bank.currentParameters(this::valueOf), bank.normalization()));
      }
    }
    return banks;
  }

  @Override
  public void writeSavedModel(Path directory, String signature, String input, String output) {
    try {
      SavedModelBundle.exporter(directory.toString())
          .withSession(session)
          .withSignature(
              Signature.builder()
                  .key(signature)
                  .input(input, training.network().images())
                  .output(output, training.probabilities())
                  .build())
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write a SavedModel to " + directory + ": " + e.getMessage(), e);
    }
  }
}
