package cn.nantong.livingcircle.api;

/**
 * Tells the schema inspection which Java class represents a GraphQL object type that is only ever returned through
 * an interface (the inspector cannot see past an interface-typed property on its own).
 */
public record SchemaClassMapping(String graphQlType, Class<?> javaClass) {
}
