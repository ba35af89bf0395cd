package io.gaborflow.tensorflow.graph;

import java.util.List;

/**
 * Changes the banks of each convolution layer before they become ops; a {@link ModelGraph} that
 * implements it (such as {@link ModelVariant}) varies a declared model without new code.
 */
public interface BankRewrite {
  List<BankDeclaration> rewrite(List<BankDeclaration> banks);
}
