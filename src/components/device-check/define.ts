import { DeviceCheck } from './device-check.js';

DeviceCheck.define('device-check');

declare global {
  interface HTMLElementTagNameMap {
    'device-check': DeviceCheck;
  }
}
