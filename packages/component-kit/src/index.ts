export * from './arg-checks';
export * from './aws-environment';
export * from './resource-transform';
export * from './tags';
export * from './type-token';
