// Review packages between laptops (export, open, merge) and the conflicts a merge leaves for a person.
export { OpenPackage } from './OpenPackage';
export { PackageActions, type PackageOutcome } from './PackageActions';
export { ToResolveArea } from './ToResolveArea';
export { useConflicts } from './useConflicts';
