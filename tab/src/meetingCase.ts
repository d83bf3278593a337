/**
 * The case the side panel was pointed at for this meeting, for the stage to show when its address
 * names none. Apart from the case chooser, so that the stage and the boot script need none of its code.
 */
const KEY = 'ecm-meeting-case';
export const meetingCase = () => sessionStorage.getItem(KEY) ?? '';
export const rememberMeetingCase = (id: string) => sessionStorage.setItem(KEY, id);
