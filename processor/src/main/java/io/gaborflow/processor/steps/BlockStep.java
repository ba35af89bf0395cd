package io.gaborflow.processor.steps;

import io.gaborflow.core.annotation.Block;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.NetworkReader;
import io.gaborflow.processor.reading.NpyResources;
import io.gaborflow.processor.validation.NetworkValidator;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks each {@code @Block} class of a round on its own, so that its mistakes are reported once,
 * on its fields, and not on every network that uses it (those are told the block has errors).
 */
public final class BlockStep {
  private final ProcessingEnvironment env;
  private final NetworkReader reader;
  private final NetworkValidator validator;

  public BlockStep(ProcessingEnvironment env) {
    this.env = env;
    this.reader = new NetworkReader(env.getTypeUtils(), env.getElementUtils());
    this.validator =
        new NetworkValidator(
            new NpyResources(env.getFiler()), env.getTypeUtils(), env.getElementUtils());
  }

  public void process(RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(Block.class)) {
      if (element.getKind() != ElementKind.CLASS) {
        continue;
      }
      ValidationReport report = new ValidationReport();
      try {
        validator.validateDeclaration(reader.readBlock((TypeElement) element, report), report);
      } catch (RuntimeException e) {
        report.error(Message.PROCESSOR_CRASH, element, element.getSimpleName(), e);
      }
      report.printTo(env.getMessager());
    }
  }
}
