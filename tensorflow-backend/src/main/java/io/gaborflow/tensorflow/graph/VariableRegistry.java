package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.model.TrainingWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Every variable and bank of a network, typed, created once: the training and the inference pass of
 * {@link NetworkLowering} ask for the same keys and get the same variables.
 */
final class VariableRegistry {
  private final Ops root;
  private final Map<VariableKey, Variable<TFloat32>> variables = new HashMap<>();
  private final List<LearnableVariable> learnables = new ArrayList<>();
  private final List<MovingStatistic> moving = new ArrayList<>();
  private final Map<String, FixedBank> fixedBanks = new java.util.LinkedHashMap<>();
  private final Map<String, ConvBank> convBanks = new java.util.LinkedHashMap<>();
  private final List<BankResponse> responses = new ArrayList<>();
  private final List<FormSite> formSites = new ArrayList<>();
  private final List<KernelGradientSite> kernelGradients = new ArrayList<>();

  VariableRegistry(Ops root) {
    this.root = root;
  }

  /** A trained variable: created at the first request, the same one afterwards. */
  Variable<TFloat32> learnable(
      VariableKey key,
      Shape shape,
      Initializer initializer,
      long fanIn,
      long fanOut,
      float[] startValues,
      TrainingWindow window) {
    return variables.computeIfAbsent(
        key,
        k -> {
          Variable<TFloat32> v = create(k, shape);
          learnables.add(
              new LearnableVariable(k, v, shape, initializer, fanIn, fanOut, startValues, window));
          return v;
        });
  }

  /** A moving statistic starting at {@code start}. */
  Variable<TFloat32> moving(VariableKey key, Shape shape, float start) {
    return variables.computeIfAbsent(
        key,
        k -> {
          Variable<TFloat32> v = create(k, shape);
          moving.add(new MovingStatistic(k, v, shape, start));
          return v;
        });
  }

  /** Records a fixed bank once (the training pass's), and its bank entry. */
  void fixedBank(FixedBank bank) {
    if (fixedBanks.putIfAbsent(bank.name(), bank) == null) {
      ConvBank.Kind kind =
          !bank.learned().isEmpty()
              ? ConvBank.Kind.PARAMETRIC
              : bank.window() == null ? ConvBank.Kind.FIXED : ConvBank.Kind.PARTIALLY_TRAINED;
      convBanks.put(bank.name(), new ConvBank(bank.name(), kind, bank.kernel()));
    }
  }

  /** Records a learned bank once. */
  void learnedBank(String path, Variable<TFloat32> kernel) {
    convBanks.putIfAbsent(path, new ConvBank(path, ConvBank.Kind.LEARNED, kernel));
  }

  /** Records where a bank stands in the inference pass. */
  void response(BankResponse response) {
    responses.add(response);
  }

  /** Records a layer that can take either form. */
  void formSite(FormSite site) {
    formSites.add(site);
  }

  /** Records a learned kernel whose gradient the trainer computes from its layer's output. */
  void kernelGradient(KernelGradientSite site) {
    kernelGradients.add(site);
  }

  List<KernelGradientSite> kernelGradients() {
    return List.copyOf(kernelGradients);
  }

  List<FormSite> formSites() {
    return List.copyOf(formSites);
  }

  List<BankResponse> responses() {
    return List.copyOf(responses);
  }

  private Variable<TFloat32> create(VariableKey key, Shape shape) {
    return root.withName(key.graphName()).variable(shape, TFloat32.class);
  }

  List<LearnableVariable> learnables() {
    return List.copyOf(learnables);
  }

  List<MovingStatistic> moving() {
    return List.copyOf(moving);
  }

  List<FixedBank> fixedBanks() {
    return List.copyOf(fixedBanks.values());
  }

  List<ConvBank> convBanks() {
    return List.copyOf(convBanks.values());
  }
}
