package io.chainpos.model.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a payload class holds, anywhere in its records, a type written with a type id ({@link JsonTypeInfo}):
 * Jackson writes the id first whatever the property order, so such a payload cannot be written canonically
 * straight from the object and goes through a tree. Worked out once per class from its record components.
 */
final class PolymorphicParts {
    private static final ClassValue<Boolean> HOLDS_ONE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return holds(type, new HashSet<>());
        }
    };

    private PolymorphicParts() {
    }

    static boolean in(Class<?> payloadType) {
        return HOLDS_ONE.get(payloadType);
    }

    private static boolean holds(Type type, Set<Type> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (holds(argument, seen)) {
                    return true;
                }
            }
            return holds(parameterized.getRawType(), seen);
        }
        if (!(type instanceof Class<?> clazz) || !seen.add(clazz)) {
            return false;
        }
        if (typed(clazz)) {
            return true;
        }
        if (clazz.isRecord()) {
            for (RecordComponent component : clazz.getRecordComponents()) {
                if (holds(component.getGenericType(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean typed(Class<?> clazz) {
        for (Class<?> c = clazz; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(JsonTypeInfo.class)) {
                return true;
            }
            for (Class<?> contract : c.getInterfaces()) {
                if (typed(contract)) {
                    return true;
                }
            }
        }
        return false;
    }
}
