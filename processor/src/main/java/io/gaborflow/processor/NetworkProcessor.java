package io.gaborflow.processor;

import com.google.auto.service.AutoService;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.processor.reading.LayerKind;
import io.gaborflow.processor.steps.BlockStep;
import io.gaborflow.processor.steps.NetworkStep;
import io.gaborflow.processor.steps.OrphanLayerStep;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The gaborflow annotation processor. Each round it runs three steps: {@link NetworkStep} checks
 * every {@code @Network} class and generates its graph and trainer; {@link BlockStep} checks every
 * {@code @Block} class; {@link OrphanLayerStep} reports layer fields in classes that are neither.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(Network.class.getCanonicalName());
    types.add(io.gaborflow.core.annotation.Block.class.getCanonicalName());
    types.add(Fixed.class.getCanonicalName());
    types.add(Learnable.class.getCanonicalName());
    for (LayerKind kind : LayerKind.values()) {
      types.add(kind.annotation().getCanonicalName());
    }
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  private NetworkStep networks;
  private BlockStep blocks;
  private OrphanLayerStep orphans;

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    networks = new NetworkStep(env);
    blocks = new BlockStep(env);
    orphans = new OrphanLayerStep(env);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    // The network step lives across rounds: it keeps the classes it deferred.
    networks.process(round);
    blocks.process(round);
    orphans.process(round);
    // The annotations are gaborflow's own; claiming them keeps javac's -Xlint:processing quiet.
    return true;
  }
}
