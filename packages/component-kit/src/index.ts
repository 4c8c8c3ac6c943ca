export * from './arg-checks';
export * from './aws-environment';
export * from './key-policy';
export * from './resource-transform';
export * from './tags';
export * from './trust-policy';
export * from './type-token';
