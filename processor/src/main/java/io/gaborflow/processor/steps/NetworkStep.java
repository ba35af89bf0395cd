package io.gaborflow.processor.steps;

import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.generation.GraphGenerator;
import io.gaborflow.processor.generation.TrainerGenerator;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.NetworkDeclaration;
import io.gaborflow.processor.reading.NetworkReader;
import io.gaborflow.processor.reading.NpyResources;
import io.gaborflow.processor.validation.NetworkValidator;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/** Reads, validates and generates code for each {@code @Network} class of a round. */
public final class NetworkStep {
  private final ProcessingEnvironment env;
  private final NetworkReader reader;
  private final NetworkValidator validator;
  private final GraphGenerator graphs;
  private final TrainerGenerator trainers;

  public NetworkStep(ProcessingEnvironment env) {
    this.env = env;
    this.reader = new NetworkReader(env.getTypeUtils(), env.getElementUtils());
    this.validator = new NetworkValidator(new NpyResources(env.getFiler()), env.getTypeUtils(), env.getElementUtils());
    this.graphs = new GraphGenerator(env.getFiler(), env.getMessager());
    this.trainers = new TrainerGenerator(env.getFiler(), env.getMessager());
  }

  public void process(RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(Network.class)) {
      ValidationReport report = new ValidationReport();
      checkKind(element, report);
      if (report.isClean()) {
        TypeElement type = (TypeElement) element;
        NetworkDeclaration declaration = reader.read(type, report);
        Optional<NetworkSpec> spec = report.isClean() ? validator.validate(declaration, report) : Optional.empty();
        spec.ifPresent(s -> {
          graphs.generate(s, type);
          trainers.generate(s, type);
        });
      }
      report.printTo(env.getMessager());
    }
  }

  private static void checkKind(Element element, ValidationReport report) {
    if (element.getKind() != ElementKind.CLASS) {
      report.error(Message.NETWORK_NOT_A_CLASS, element,
          AnnotationReader.find(element, Network.class).orElseThrow(),
          element.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), element.getSimpleName());
      return;
    }
    TypeElement type = (TypeElement) element;
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.NETWORK_NESTED_NOT_STATIC, element, type.getSimpleName());
    }
  }
}
