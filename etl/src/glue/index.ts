export { GLUE_CONTRACT_MODULE, glueContract, renderGlueContractModule } from './glue-contract';
