package io.chainpos.model.event;

public enum Gender { FEMALE, MALE, UNSPECIFIED }
