import FenqiSchedule from './schedule.component.js';

export default FenqiSchedule;

FenqiSchedule.define('fenqi-schedule');

declare global {
  interface HTMLElementTagNameMap {
    'fenqi-schedule': FenqiSchedule;
  }
}
