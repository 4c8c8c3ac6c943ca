export * from './cfn-schema';
export * from './policy-check';
export * from './policy-evaluation';
export * from './provider-tags';
export * from './pulumi-mocks';
