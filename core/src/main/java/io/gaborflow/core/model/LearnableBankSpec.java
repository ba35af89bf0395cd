package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Initializer;

/** A bank of trained filters, each with a bias. */
public record LearnableBankSpec(String name, int filters, Initializer initializer)
    implements BankSpec {}
