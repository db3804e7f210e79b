export { type RunningCommand, readyUrl, runCommand, stopAll } from './command.ts';
export { echoOnce, MESSAGE } from './echo.ts';
export { type InstalledPackage, packAndInstall } from './install.ts';
