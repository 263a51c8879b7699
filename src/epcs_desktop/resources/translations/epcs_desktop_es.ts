<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="29"/>
        <source>Choose the accounts to add</source>
        <translation>Elija las cuentas que desea añadir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="30"/>
        <source>This Google Authenticator export holds these accounts. Add only ID.me&apos;s.</source>
        <translation>Esta exportación de Google Authenticator contiene estas cuentas. Añada solo la de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/accounts_page.py" line="60"/>
        <source>Not included: {items}</source>
        <translation>No incluidas: {items}</translation>
    </message>
</context>
<context>
    <name>ActivityLogDialog</name>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="149"/>
        <source>Activity log — {name}</source>
        <translation>Registro de actividad — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="163"/>
        <source>Activity log entries</source>
        <translation>Entradas del registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="165"/>
        <source>Filter (e.g. a device name)</source>
        <translation>Filtrar (p. ej., el nombre de un dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="167"/>
        <source>Filter the activity log</source>
        <translation>Filtrar el registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="170"/>
        <source>Show only this action</source>
        <translation>Mostrar solo esta acción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="175"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="196"/>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="208"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} de {total} entradas</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="218"/>
        <source>The activity log was exported.</source>
        <translation>Se exportó el registro de actividad.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="224"/>
        <source>Export activity log</source>
        <translation>Exportar el registro de actividad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="226"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="51"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="52"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/activity_view.py" line="53"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="203"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="205"/>
        <source>Settings are kept in each profile&apos;s encrypted vault: unlock a profile and choose File &gt; Settings. Profiles on this workstation are stored in:
%1</source>
        <translation>La configuración se guarda en la bóveda cifrada de cada perfil: desbloquee un perfil y elija Archivo &gt; Configuración. Los perfiles de esta estación de trabajo se guardan en:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="228"/>
        <source>Copy primary device&apos;s code</source>
        <translation>Copiar el código del dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="231"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="232"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="236"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="261"/>
        <source>The primary device&apos;s codes are not generated here.</source>
        <translation>Los códigos del dispositivo principal no se generan aquí.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="84"/>
        <source>Save backup</source>
        <translation>Guardar copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="86"/>
        <source>Open backup</source>
        <translation>Abrir copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="88"/>
        <source>EPCS Desktop backups (*%1);;All files (*)</source>
        <translation>Copias de seguridad de EPCS Desktop (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="114"/>
        <source>Backup file</source>
        <translation>Archivo de copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="115"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="152"/>
        <source>Back up now</source>
        <translation>Hacer una copia de seguridad ahora</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="157"/>
        <source>The backup holds this profile&apos;s secret keys, encrypted with the backup password below. Without that password nobody, including you, can restore it.</source>
        <translation>La copia de seguridad contiene las claves secretas de este perfil, cifradas con la contraseña de copia de seguridad que indique abajo. Sin esa contraseña nadie, ni siquiera usted, podrá restaurarla.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="165"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="166"/>
        <source>Backup password</source>
        <translation>Contraseña de la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="167"/>
        <source>Repeat backup password</source>
        <translation>Repita la contraseña de la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="168"/>
        <source>Backup &amp;password:</source>
        <translation>&amp;Contraseña de la copia:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="169"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="182"/>
        <source>&amp;Back up</source>
        <translation>&amp;Hacer la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="197"/>
        <source>Too short: use at least 8 characters (a few words are easy to remember).</source>
        <translation>Demasiado corta: use al menos 8 caracteres (unas cuantas palabras son fáciles de recordar).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="198"/>
        <source>Weak: add more words or characters; this file may be copied and attacked offline.</source>
        <translation>Débil: añada más palabras o caracteres; este archivo podría copiarse y atacarse sin conexión.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="199"/>
        <source>Fair: a longer passphrase would be stronger.</source>
        <translation>Aceptable: una frase de contraseña más larga sería más segura.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="200"/>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="218"/>
        <source>Choose where to save the backup.</source>
        <translation>Elija dónde guardar la copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="220"/>
        <source>The backup password needs at least %1 characters.</source>
        <translation>La contraseña de la copia de seguridad necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="223"/>
        <source>The two backup passwords are different.</source>
        <translation>Las dos contraseñas de la copia de seguridad no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="225"/>
        <source>That is a folder; enter a file name.</source>
        <translation>Eso es una carpeta; escriba un nombre de archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="533"/>
        <source>Encrypted backup saved to %1</source>
        <translation>Copia de seguridad cifrada guardada en %1</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="477"/>
        <source>Back up now…</source>
        <translation>Hacer copia ahora…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="479"/>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="502"/>
        <source>This profile has never been backed up. An encrypted backup lets you restore your code generators if this computer is lost or fails.</source>
        <translation>Nunca se ha hecho una copia de seguridad de este perfil. Una copia cifrada le permite recuperar sus generadores de códigos si este equipo se pierde o falla.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="509"/>
        <source>The last backup of this profile was made %1 days ago.</source>
        <translation>La última copia de seguridad de este perfil se hizo hace %1 días.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/clock_status.py" line="81"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="143"/>
        <source>Scan with the webcam</source>
        <translation>Escanear con la cámara web</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="144"/>
        <source>Hold the QR code ID.me shows inside the box. It is read twice to be sure.</source>
        <translation>Mantenga dentro del recuadro el código QR que muestra ID.me. Se lee dos veces para asegurarse.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="151"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="152"/>
        <source>&amp;Camera:</source>
        <translation>&amp;Cámara:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="155"/>
        <source>Scan &amp;again</source>
        <translation>&amp;Volver a escanear</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="156"/>
        <source>Scan again</source>
        <translation>Volver a escanear</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="179"/>
        <source>Looking for cameras…</source>
        <translation>Buscando cámaras…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="203"/>
        <source>No camera was found. Open an image of the QR code or enter the secret key instead.</source>
        <translation>No se encontró ninguna cámara. Abra una imagen del código QR o escriba la clave secreta.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="242"/>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="302"/>
        <source>The camera stopped sending pictures.</source>
        <translation>La cámara dejó de enviar imágenes.</translation>
    </message>
</context>
<context>
    <name>ChangeGuideDialog</name>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="60"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="188"/>
        <source>&amp;Enroll it in this program…</source>
        <translation>&amp;Inscribirlo en este programa…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="190"/>
        <source>Record a phone or &amp;push device…</source>
        <translation>Registrar un teléfono o dispositivo &amp;push…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="200"/>
        <source>Device to mark as primary</source>
        <translation>Dispositivo que se marcará como principal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="201"/>
        <source>&amp;Mark as primary here</source>
        <translation>&amp;Marcar como principal aquí</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="211"/>
        <source>Start &amp;over</source>
        <translation>&amp;Empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="213"/>
        <source>Forget the ticks and compare against the device table as it is now</source>
        <translation>Olvidar las marcas y comparar con la tabla de dispositivos tal como está ahora</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="216"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="218"/>
        <source>&amp;Close (keep my progress)</source>
        <translation>&amp;Cerrar (conservar mi progreso)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="289"/>
        <source>Welcome back — your progress was kept.</source>
        <translation>Bienvenido de nuevo: se conservó su progreso.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="291"/>
        <source>Keep your current device working until the new one is set up and selected as primary in DrChrono; otherwise you cannot sign prescriptions for controlled substances.</source>
        <translation>Mantenga funcionando su dispositivo actual hasta que el nuevo esté configurado y seleccionado como principal en DrChrono; de lo contrario, no podrá firmar recetas de sustancias controladas.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="295"/>
        <source>Device being replaced: &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Dispositivo que se reemplaza: &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="309"/>
        <source>{done} of {total} steps done</source>
        <translation>{done} de {total} pasos completados</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="315"/>
        <source>I deleted &apos;{name}&apos; in ID.me — &amp;remove it here</source>
        <translation>Ya eliminé «{name}» en ID.me: &amp;quitarlo aquí</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="327"/>
        <source>(primary here)</source>
        <translation>(principal aquí)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="335"/>
        <source>No device is marked primary.</source>
        <translation>Ningún dispositivo está marcado como principal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="345"/>
        <source>No device is recorded here yet.</source>
        <translation>Aún no hay ningún dispositivo registrado aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="349"/>
        <source>{name}: {code}   ({secs} s)</source>
        <translation>{name}: {code}   ({secs} s)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="376"/>
        <source>The enrollment wizard is not available in this build.</source>
        <translation>El asistente de inscripción no está disponible en esta versión.</translation>
    </message>
</context>
<context>
    <name>ClockStatus</name>
    <message>
        <location filename="../../ui/clock_status.py" line="146"/>
        <source>Check again</source>
        <translation>Volver a comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="172"/>
        <source>Clock OK (%1)</source>
        <translation>Reloj correcto (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="176"/>
        <source>Clock off by %1</source>
        <translation>Reloj desfasado %1</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="180"/>
        <source>Time server: %1</source>
        <translation>Servidor de hora: %1</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="191"/>
        <source>Clock not checked</source>
        <translation>Reloj sin comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/clock_status.py" line="192"/>
        <source>The clock could not be checked: %1</source>
        <translation>No se pudo comprobar el reloj: %1</translation>
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <location filename="../../ui/code_delegate.py" line="117"/>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/code_delegate.py" line="153"/>
        <source>next: %1</source>
        <translation>siguiente: %1</translation>
    </message>
</context>
<context>
    <name>CodeListModel</name>
    <message numerus="yes">
        <location filename="../../ui/models.py" line="463"/>
        <source>%n seconds left</source>
        <translation>
            <numerusform>queda %n segundo</numerusform>
            <numerusform>quedan %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="465"/>
        <source>primary device</source>
        <translation>dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="468"/>
        <source>Click, press Enter or Ctrl+C to copy the code</source>
        <translation>Haga clic, pulse Intro o Ctrl+C para copiar el código</translation>
    </message>
</context>
<context>
    <name>CodesPane</name>
    <message>
        <location filename="../../ui/codes_pane.py" line="82"/>
        <source>Code generator</source>
        <translation>Generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="84"/>
        <source>&amp;Add code generator…</source>
        <translation>&amp;Añadir generador de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="94"/>
        <source>Filter by nickname, issuer or account</source>
        <translation>Filtrar por apodo, emisor o cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="96"/>
        <source>Filter code generators</source>
        <translation>Filtrar generadores de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="108"/>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="115"/>
        <source>No code generator is held in this program yet. Choose “Add code generator…” to scan ID.me&apos;s QR code or type its secret key.</source>
        <translation>Este programa aún no guarda ningún generador de códigos. Elija «Añadir generador de códigos…» para escanear el código QR de ID.me o escribir su clave secreta.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="123"/>
        <source>Click a code, or press Enter, to copy it.</source>
        <translation>Haga clic en un código, o pulse Intro, para copiarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="179"/>
        <source>Copied the code of “%1” — clipboard clears in %2 s</source>
        <translation>Código de «%1» copiado: el portapapeles se vacía en %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="182"/>
        <source>Copied the code of “%1”</source>
        <translation>Código de «%1» copiado</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="109"/>
        <source>Confirm your device</source>
        <translation>Confirme su dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="111"/>
        <source>Type this code into ID.me&apos;s &apos;Confirm your device&apos; screen, then name the device here.</source>
        <translation>Escriba este código en la pantalla «Confirm your device» de ID.me y luego ponga nombre al dispositivo aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="117"/>
        <location filename="../../ui/wizard/confirm_page.py" line="174"/>
        <source>&amp;Make this my primary device</source>
        <translation>&amp;Convertirlo en mi dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="118"/>
        <source>Make this my primary device</source>
        <translation>Convertirlo en mi dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="121"/>
        <source>Also select it as the primary device in DrChrono: Account › Provider Settings › eRx Info (Update MFA Device).</source>
        <translation>Selecciónelo también como dispositivo principal en DrChrono: Account › Provider Settings › eRx Info (Update MFA Device).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="130"/>
        <source>Compliance note</source>
        <translation>Nota de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="169"/>
        <source>&amp;Make this my primary device (your first device is always primary)</source>
        <translation>&amp;Convertirlo en mi dispositivo principal (su primer dispositivo siempre es el principal)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="172"/>
        <source>&amp;Make the first of these my primary device</source>
        <translation>&amp;Convertir el primero de ellos en mi dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="228"/>
        <source>A device with this name already exists. Choose another name.</source>
        <translation>Ya existe un dispositivo con este nombre. Elija otro nombre.</translation>
    </message>
</context>
<context>
    <name>DeviceTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="177"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="177"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="177"/>
        <source>Primary Device</source>
        <translation>Dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="193"/>
        <source>Push Notification 2FA</source>
        <translation>2FA por notificación push</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="194"/>
        <source>Generate 2FA Key</source>
        <translation>Generar clave 2FA</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="197"/>
        <source>Is Primary</source>
        <translation>Es el principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="197"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="219"/>
        <source>Codes are generated by this program</source>
        <translation>Este programa genera los códigos</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="221"/>
        <source>A code generator app on another device</source>
        <translation>Una aplicación generadora de códigos en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="223"/>
        <source>Click, or press Space, to make this the primary device</source>
        <translation>Haga clic, o pulse Espacio, para convertirlo en el dispositivo principal</translation>
    </message>
</context>
<context>
    <name>EnrollWizard</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="49"/>
        <location filename="../../ui/wizard/confirm_page.py" line="276"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="46"/>
        <source>Validation message</source>
        <translation>Mensaje de validación</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="81"/>
        <source>No QR code yet. Hold the code inside the box.</source>
        <translation>Todavía no hay código QR. Mantenga el código dentro del recuadro.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="86"/>
        <source>QR code found. Hold still while it is read again…</source>
        <translation>Código QR encontrado. No se mueva mientras se vuelve a leer…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="96"/>
        <source>No QR code found in this picture.</source>
        <translation>No se encontró ningún código QR en esta imagen.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="121"/>
        <source>Google Authenticator export: {status}. Scan the next code.</source>
        <translation>Exportación de Google Authenticator: {status}. Escanee el siguiente código.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="130"/>
        <source>This Google Authenticator export holds no code generator this app can use.</source>
        <translation>Esta exportación de Google Authenticator no contiene ningún generador de códigos que esta aplicación pueda usar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="137"/>
        <source>Google Authenticator export with {n} account(s) found. Choose which to add.</source>
        <translation>Se encontró una exportación de Google Authenticator con {n} cuenta(s). Elija cuáles añadir.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="152"/>
        <source>Unnamed account</source>
        <translation>Cuenta sin nombre</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/state.py" line="156"/>
        <source>Authenticator code found: {what}. Press Next.</source>
        <translation>Código de autenticación encontrado: {what}. Pulse Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="59"/>
        <source>Add code generator</source>
        <translation>Añadir generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="84"/>
        <source>&amp;Add device</source>
        <translation>Añadir &amp;dispositivo</translation>
    </message>
</context>
<context>
    <name>ErxPane</name>
    <message>
        <location filename="../../ui/erx_pane.py" line="146"/>
        <source>eRx Info</source>
        <translation>Información eRx</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="167"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="173"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="175"/>
        <source>Edit identity confirmation</source>
        <translation>Editar la confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="187"/>
        <source>EPCS Permissions Page</source>
        <translation>página de permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="191"/>
        <source>Your identity has now been confirmed.</source>
        <translation>Su identidad ya ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="193"/>
        <source>Your identity has now been confirmed (%1).</source>
        <translation>Su identidad ya ha sido confirmada (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="195"/>
        <location filename="../../ui/erx_pane.py" line="206"/>
        <source>To adjust future EPCS permissions, visit the %1.</source>
        <translation>Para ajustar futuros permisos EPCS, visite la %1.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="198"/>
        <source>ID.me identity proofing and DrChrono&apos;s approval are both needed before you can send EPCS.</source>
        <translation>Necesita la verificación de identidad de ID.me y la aprobación de DrChrono antes de enviar EPCS.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="202"/>
        <source>Your identity has not been confirmed yet.</source>
        <translation>Su identidad aún no ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="215"/>
        <source>ID.me Device Information</source>
        <translation>Información de dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="218"/>
        <location filename="../../ui/erx_pane.py" line="366"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="223"/>
        <source>&amp;Update MFA Device</source>
        <translation>&amp;Actualizar dispositivo MFA</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="225"/>
        <source>Opens ID.me Sign In &amp; Security in your browser</source>
        <translation>Abre «Inicio de sesión y seguridad» de ID.me en su navegador</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="237"/>
        <source>ID.me devices</source>
        <translation>Dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="270"/>
        <source>Compliance warning</source>
        <translation>Advertencia de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="274"/>
        <source>&amp;Record another device…</source>
        <translation>&amp;Registrar otro dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="276"/>
        <source>A push-notification phone or a code generator app on another device</source>
        <translation>Un teléfono con notificaciones push o una aplicación generadora de códigos en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="278"/>
        <source>F2 renames, Delete removes, Space selects the primary device.</source>
        <translation>F2 cambia el nombre, Supr elimina, Espacio elige el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="300"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="303"/>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="306"/>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="328"/>
        <source>“%1” is now the primary device</source>
        <translation>«%1» es ahora el dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="343"/>
        <source>Removed “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="381"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="384"/>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="391"/>
        <source>two letters and seven digits, e.g. AB1234563</source>
        <translation>dos letras y siete dígitos, p. ej. AB1234563</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="394"/>
        <source>ten digits</source>
        <translation>diez dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="399"/>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="400"/>
        <source>State &amp;License Number:</source>
        <translation>Número de &amp;licencia estatal:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="401"/>
        <source>&amp;DEA Number:</source>
        <translation>Número &amp;DEA:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="403"/>
        <source>&amp;NPI:</source>
        <translation>&amp;NPI:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="407"/>
        <source>Sa&amp;ve Prescriber Info</source>
        <translation>&amp;Guardar información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="429"/>
        <source>✓ valid format</source>
        <translation>✓ formato válido</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="464"/>
        <source>Prescriber Info saved</source>
        <translation>Información del prescriptor guardada</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="482"/>
        <source>Your primary device generates its codes on this computer. {notice}</source>
        <translation>Su dispositivo principal genera sus códigos en este equipo. {notice}</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="86"/>
        <source>Set up a profile for a clinician</source>
        <translation>Preparar un perfil para un profesional</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="89"/>
        <source>Create the clinician&apos;s profile with a temporary password and give it to them in person. At their first unlock they must choose their own password; after that, no one else can read this profile&apos;s codes.</source>
        <translation>Cree el perfil del profesional con una contraseña temporal y entréguesela en persona. La primera vez que lo desbloquee deberá elegir su propia contraseña; a partir de entonces, nadie más podrá leer los códigos de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="97"/>
        <source>your name (optional)</source>
        <translation>su nombre (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="99"/>
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="100"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="115"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="116"/>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="118"/>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="120"/>
        <source>Set &amp;up by:</source>
        <translation>Preparado p&amp;or:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="121"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="122"/>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="123"/>
        <source>&amp;License Number:</source>
        <translation>Número de &amp;licencia:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="124"/>
        <source>&amp;DEA Number:</source>
        <translation>Número &amp;DEA:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="125"/>
        <source>N&amp;PI:</source>
        <translation>N&amp;PI:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="131"/>
        <source>C&amp;reate profile</source>
        <translation>C&amp;rear perfil</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="177"/>
        <source>Enter a profile name.</source>
        <translation>Escriba un nombre de perfil.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="101"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="103"/>
        <source>My identity has been &amp;confirmed by ID.me in DrChrono</source>
        <translation>ID.me ha &amp;confirmado mi identidad en DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <source>What is still missing, e.g. “waiting for DrChrono approval”</source>
        <translation>Lo que aún falta, p. ej. «esperando la aprobación de DrChrono»</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <source>Confirmed &amp;on:</source>
        <translation>Confirmada &amp;el:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="431"/>
        <source>Open an image</source>
        <translation>Abrir una imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="432"/>
        <source>Choose a screenshot or photo of the QR code (PNG, JPEG, BMP or WebP).</source>
        <translation>Elija una captura de pantalla o una foto del código QR (PNG, JPEG, BMP o WebP).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="434"/>
        <source>Image file</source>
        <translation>Archivo de imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="435"/>
        <source>Path to the image, then Enter</source>
        <translation>Ruta de la imagen y luego Intro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="436"/>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="437"/>
        <source>Choose an image file</source>
        <translation>Elegir un archivo de imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="438"/>
        <source>&amp;Image:</source>
        <translation>Ima&amp;gen:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="463"/>
        <source>Open an image of the QR code</source>
        <translation>Abrir una imagen del código QR</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="464"/>
        <source>Images ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="477"/>
        <source>Reading the image…</source>
        <translation>Leyendo la imagen…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="487"/>
        <source>No QR code found in this image.</source>
        <translation>No se encontró ningún código QR en esta imagen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Unlocked “%1”</source>
        <translation>«%1» desbloqueado</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&amp;Add code generator…</source>
        <translation>&amp;Añadir generador de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Record another device…</source>
        <translation>&amp;Registrar otro dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer una copia de seguridad ahora…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>R&amp;estore from backup…</source>
        <translation>R&amp;estaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>S&amp;witch profile…</source>
        <translation>Ca&amp;mbiar de perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>&amp;Change-phone guide…</source>
        <translation>Guía para &amp;cambiar de teléfono…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>&amp;Practice enrollment…</source>
        <translation>&amp;Practicar la inscripción…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Activity log…</source>
        <translation>Registro de &amp;actividad…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Save &amp;setup sheet (PDF)…</source>
        <translation>Guardar &amp;hoja de configuración (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>&amp;Compliance notice</source>
        <translation>&amp;Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>&amp;About EPCS Desktop</source>
        <translation>A&amp;cerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Save setup sheet</source>
        <translation>Guardar hoja de configuración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Setup sheet saved to %1</source>
        <translation>Hoja de configuración guardada en %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>About EPCS Desktop</source>
        <translation>Acerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>%1 %2
MFA companion and code generator for DrChrono EPCS with ID.me.</source>
        <translation>%1 %2
Compañero MFA y generador de códigos para EPCS de DrChrono con ID.me.</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="22"/>
        <source>Add a code generator</source>
        <translation>Añadir un generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="25"/>
        <source>On ID.me, choose Sign In &amp; Security › Code Generator › Set Up, then &apos;Enroll with barcode / secret key&apos;. How do you want to read it?</source>
        <translation>En ID.me, elija Sign In &amp; Security › Code Generator › Set Up y luego «Enroll with barcode / secret key». ¿Cómo quiere leerlo?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="32"/>
        <source>Scan with the &amp;webcam</source>
        <translation>Escanear con la &amp;cámara web</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="32"/>
        <source>Hold a QR code up to the camera.</source>
        <translation>Acerque un código QR a la cámara.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="35"/>
        <source>Scan from the &amp;screen</source>
        <translation>Escanear desde la &amp;pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="36"/>
        <source>The QR code is shown on this computer.</source>
        <translation>El código QR se muestra en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="38"/>
        <source>Open an &amp;image file</source>
        <translation>Abrir un archivo de &amp;imagen</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="38"/>
        <source>A screenshot or photo of the QR code.</source>
        <translation>Una captura de pantalla o una foto del código QR.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="41"/>
        <source>Enter the secret &amp;key</source>
        <translation>&amp;Escribir la clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="42"/>
        <source>Type or paste the key ID.me shows as text.</source>
        <translation>Escriba o pegue la clave que ID.me muestra como texto.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="46"/>
        <source>Paste an otpauth &amp;link</source>
        <translation>Pegar un en&amp;lace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/method_page.py" line="47"/>
        <source>An otpauth:// or otpauth-migration:// link.</source>
        <translation>Un enlace otpauth:// u otpauth-migration://.</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="247"/>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="250"/>
        <source>This profile was set up for you by {staff} with a temporary password.</source>
        <translation>{staff} preparó este perfil para usted con una contraseña temporal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="252"/>
        <source>This profile was set up for you with a temporary password.</source>
        <translation>Este perfil se preparó para usted con una contraseña temporal.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="256"/>
        <source>Choose a password only you know before using it; the temporary one stops working.</source>
        <translation>Antes de usarlo, elija una contraseña que solo usted conozca; la temporal dejará de funcionar.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="259"/>
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="260"/>
        <source>type it again</source>
        <translation>escríbala de nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="262"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="263"/>
        <source>C&amp;onfirm:</source>
        <translation>C&amp;onfirmar:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="269"/>
        <source>&amp;Set my password</source>
        <translation>&amp;Establecer mi contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="270"/>
        <source>&amp;Lock profile</source>
        <translation>&amp;Bloquear el perfil</translation>
    </message>
</context>
<context>
    <name>OtherDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>Record another device</source>
        <translation>Registrar otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150"/>
        <source>e.g. MyiPhone</source>
        <translation>p. ej. MiiPhone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="152"/>
        <source>Push Notification 2FA (ID.me Authenticator)</source>
        <translation>2FA por notificación push (ID.me Authenticator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Generate 2FA Key (code generator app on another device)</source>
        <translation>Generar clave 2FA (aplicación generadora de códigos en otro dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="157"/>
        <source>Make this the &amp;primary device</source>
        <translation>Convertir en el dispositivo &amp;principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="160"/>
        <source>List a device you set up in ID.me so this table matches DrChrono&apos;s eRx Info tab.</source>
        <translation>Anote un dispositivo que configuró en ID.me para que esta tabla coincida con la pestaña eRx Info de DrChrono.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>&amp;Nickname:</source>
        <translation>&amp;Apodo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>&amp;Option:</source>
        <translation>&amp;Opción:</translation>
    </message>
</context>
<context>
    <name>PasteLinkPage</name>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="171"/>
        <source>Paste an otpauth link</source>
        <translation>Pegar un enlace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="173"/>
        <source>Paste the otpauth:// link your authenticator or password manager exported.</source>
        <translation>Pegue el enlace otpauth:// que exportó su autenticador o su gestor de contraseñas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="178"/>
        <source>otpauth link</source>
        <translation>Enlace otpauth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="180"/>
        <source>&amp;Link:</source>
        <translation>En&amp;lace:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="212"/>
        <source>The link is valid: {what}.</source>
        <translation>El enlace es válido: {what}.</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="45"/>
        <source>PRACTICE — this is not ID.me. Nothing real is changed.</source>
        <translation>PRÁCTICA — esto no es ID.me. No se cambia nada real.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="99"/>
        <source>PRACTICE enrollment — not ID.me</source>
        <translation>Inscripción de PRÁCTICA — no es ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="107"/>
        <source>End practice</source>
        <translation>Terminar la práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="119"/>
        <source>SECURE YOUR ACCOUNT (practice)</source>
        <translation>PROTEJA SU CUENTA (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="120"/>
        <source>Step 1 of 3 — choose how to enroll your code generator.</source>
        <translation>Paso 1 de 3: elija cómo inscribir su generador de códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="122"/>
        <source>Enroll in Code Generator with an activation link (text message / email)</source>
        <translation>Inscribirse en el generador de códigos con un enlace de activación (mensaje de texto / correo electrónico)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="126"/>
        <source>Not part of the practice: it needs ID.me to send you a message.</source>
        <translation>No forma parte de la práctica: requiere que ID.me le envíe un mensaje.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="128"/>
        <source>Enroll with &amp;barcode / secret key</source>
        <translation>Inscribirse con código de &amp;barras / clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="133"/>
        <source>At ID.me, if the QR code fails to work, the text message option is the alternative.</source>
        <translation>En ID.me, si el código QR no funciona, la alternativa es la opción de mensaje de texto.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="138"/>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="170"/>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="216"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="146"/>
        <source>Enroll with barcode / secret key (practice)</source>
        <translation>Inscribirse con código de barras / clave secreta (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="149"/>
        <source>Step 2 of 3 — in your authenticator app tap the scan (+) icon and scan this PRACTICE code, or type the secret key below. You can also enroll it in this program with the wizard (from the screen or the webcam); it will be removed when the practice ends.</source>
        <translation>Paso 2 de 3: en su aplicación de autenticación toque el icono de escanear (+) y escanee este código de PRÁCTICA, o escriba la clave secreta de abajo. También puede inscribirlo en este programa con el asistente (desde la pantalla o la cámara web); se eliminará cuando termine la práctica.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="159"/>
        <source>Practice QR code</source>
        <translation>Código QR de práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="161"/>
        <source>Secret key: {key}</source>
        <translation>Clave secreta: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="166"/>
        <source>Issuer: {issuer}</source>
        <translation>Emisor: {issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="168"/>
        <source>&amp;Enroll it in this program…</source>
        <translation>&amp;Inscribirlo en este programa…</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="184"/>
        <source>Confirm your device (practice)</source>
        <translation>Confirme su dispositivo (práctica)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="187"/>
        <source>Step 3 of 3 — check your code generator app and enter the 6-digit code to complete securing your (practice) account.</source>
        <translation>Paso 3 de 3: consulte su aplicación generadora de códigos y escriba el código de 6 dígitos para terminar de proteger su cuenta (de práctica).</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="194"/>
        <source>Enter the 6-digit code</source>
        <translation>Escriba el código de 6 dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="197"/>
        <source>ex. My iPhone (optional)</source>
        <translation>p. ej., Mi iPhone (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="198"/>
        <source>Enter the 6-&amp;digit code</source>
        <translation>Escriba el código de 6 &amp;dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="200"/>
        <source>&amp;Name your device</source>
        <translation>&amp;Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="202"/>
        <source>6-digit code</source>
        <translation>Código de 6 dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="203"/>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="214"/>
        <source>Go &amp;back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="239"/>
        <source>Finish practice</source>
        <translation>Finalizar la práctica</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="247"/>
        <source>The enrollment wizard is not available in this build.</source>
        <translation>El asistente de inscripción no está disponible en esta versión.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/practice_dialog.py" line="264"/>
        <source>The practice generator was added here for now; it is removed when the practice ends.</source>
        <translation>El generador de práctica se añadió aquí por ahora; se eliminará cuando termine la práctica.</translation>
    </message>
</context>
<context>
    <name>RecordDeviceDialog</name>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="70"/>
        <source>Record a phone or push device</source>
        <translation>Registrar un teléfono o un dispositivo push</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="72"/>
        <source>ex. My iPhone</source>
        <translation>p. ej., Mi iPhone</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="76"/>
        <source>{option} (on that device)</source>
        <translation>{option} (en ese dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="78"/>
        <source>Make it the &amp;primary device here</source>
        <translation>Convertirlo en el dispositivo &amp;principal aquí</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="82"/>
        <source>&amp;Name your device:</source>
        <translation>&amp;Nombre del dispositivo:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="83"/>
        <source>&amp;Option:</source>
        <translation>&amp;Opción:</translation>
    </message>
</context>
<context>
    <name>RemoveDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="49"/>
        <source>Remove device</source>
        <translation>Eliminar dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="52"/>
        <source>Remove “%1” from this profile?</source>
        <translation>¿Eliminar «%1» de este perfil?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="55"/>
        <source>Its secret key is deleted from this computer. Also delete the device in your ID.me account (Sign In &amp; Security), or ID.me will keep asking for its codes.</source>
        <translation>Su clave secreta se borra de este equipo. Elimine también el dispositivo en su cuenta de ID.me (Inicio de sesión y seguridad), o ID.me seguirá pidiendo sus códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60"/>
        <source>This only changes this companion list; also delete it in your ID.me account.</source>
        <translation>Esto solo cambia esta lista; elimínelo también en su cuenta de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="66"/>
        <source>New primary device</source>
        <translation>Nuevo dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70"/>
        <source>New &amp;primary device:</source>
        <translation>Nuevo dispositivo &amp;principal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="282"/>
        <location filename="../../ui/backup_dialogs.py" line="438"/>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="294"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="295"/>
        <source>&amp;Read backup</source>
        <translation>&amp;Leer la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="296"/>
        <source>&amp;Restore…</source>
        <translation>Re&amp;staurar…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="308"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="309"/>
        <source>Backup password</source>
        <translation>Contraseña de la copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="311"/>
        <source>Backup &amp;password:</source>
        <translation>&amp;Contraseña de la copia:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="320"/>
        <source>&amp;Merge: add what is missing, keep everything here</source>
        <translation>&amp;Combinar: añadir lo que falta y conservar todo lo que hay aquí</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="321"/>
        <source>Re&amp;place: make this profile exactly the backup</source>
        <translation>Re&amp;emplazar: dejar este perfil exactamente como la copia</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="329"/>
        <source>What will change:</source>
        <translation>Lo que cambiará:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="331"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="366"/>
        <source>Choose the backup file to restore.</source>
        <translation>Elija el archivo de copia de seguridad que desea restaurar.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="369"/>
        <source>Enter the backup password.</source>
        <translation>Escriba la contraseña de la copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="388"/>
        <source>Backup of profile “%1” made %2, with %3 device(s).</source>
        <translation>Copia de seguridad del perfil «%1» hecha el %2, con %3 dispositivo(s).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="430"/>
        <source>Replace everything in “%1” with this backup? Devices, prescriber info and settings that are not in the backup are deleted from this profile.</source>
        <translation>¿Reemplazar todo el contenido de «%1» con esta copia de seguridad? Los dispositivos, la información del prescriptor y la configuración que no estén en la copia se borrarán de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="433"/>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="435"/>
        <source>Merge this backup into “%1”? Nothing already here is removed.</source>
        <translation>¿Combinar esta copia de seguridad con «%1»? No se elimina nada de lo que ya hay aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="437"/>
        <source>&amp;Merge</source>
        <translation>&amp;Combinar</translation>
    </message>
</context>
<context>
    <name>ScanPreview</name>
    <message>
        <location filename="../../ui/scanner.py" line="392"/>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.py" line="393"/>
        <source>Hold the QR code inside the box.</source>
        <translation>Mantenga el código QR dentro del recuadro.</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <location filename="../../ui/scanner.py" line="244"/>
        <source>The camera stopped working. Try another camera or open an image.</source>
        <translation>La cámara dejó de funcionar. Pruebe otra cámara o abra una imagen.</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="322"/>
        <source>Scan from the screen</source>
        <translation>Escanear desde la pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="324"/>
        <source>Show the QR code in your browser, uncovered, then press Scan. Every screen is searched.</source>
        <translation>Muestre el código QR en su navegador, sin taparlo, y pulse Escanear. Se buscará en todas las pantallas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="328"/>
        <source>&amp;Scan the screen</source>
        <translation>Escanear la &amp;pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="329"/>
        <source>Scan the screen</source>
        <translation>Escanear la pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="342"/>
        <source>Press Scan when the QR code is visible.</source>
        <translation>Pulse Escanear cuando el código QR esté visible.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="359"/>
        <source>Looking at the screen…</source>
        <translation>Examinando la pantalla…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="383"/>
        <source>This system did not allow a screen capture. Open an image or enter the key instead.</source>
        <translation>Este sistema no permitió capturar la pantalla. Abra una imagen o escriba la clave.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="400"/>
        <source>No QR code found on the screen. Make sure it is fully visible.</source>
        <translation>No se encontró ningún código QR en la pantalla. Asegúrese de que se vea completo.</translation>
    </message>
</context>
<context>
    <name>SecretKeyPage</name>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="55"/>
        <source>Enter the secret key</source>
        <translation>Escriba la clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="57"/>
        <source>Type or paste the key ID.me shows. Spaces, hyphens and lower case are fine.</source>
        <translation>Escriba o pegue la clave que muestra ID.me. Se admiten espacios, guiones y minúsculas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="63"/>
        <source>Secret key</source>
        <translation>Clave secreta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="64"/>
        <source>e.g. ABCD EFGH IJKL MNOP</source>
        <translation>p. ej., ABCD EFGH IJKL MNOP</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="66"/>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="68"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="69"/>
        <source>Your ID.me e-mail address (optional)</source>
        <translation>Su correo electrónico de ID.me (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="73"/>
        <source>&amp;Advanced</source>
        <translation>A&amp;vanzado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="77"/>
        <source>Show advanced settings</source>
        <translation>Mostrar la configuración avanzada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="81"/>
        <source>Algorithm</source>
        <translation>Algoritmo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="85"/>
        <source>Digits</source>
        <translation>Dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="89"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="90"/>
        <source>Period in seconds</source>
        <translation>Periodo en segundos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="92"/>
        <source>A&amp;lgorithm:</source>
        <translation>A&amp;lgoritmo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="93"/>
        <source>&amp;Digits:</source>
        <translation>&amp;Dígitos:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="94"/>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="95"/>
        <source>ID.me uses SHA1, 6 digits, 30 seconds. Change these only if told to.</source>
        <translation>ID.me usa SHA1, 6 dígitos y 30 segundos. Cámbielos solo si se lo indican.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="101"/>
        <source>Secret &amp;key:</source>
        <translation>&amp;Clave secreta:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="102"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emisor:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="103"/>
        <source>A&amp;ccount:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/key_page.py" line="147"/>
        <source>The key looks right ({bits} bits).</source>
        <translation>La clave parece correcta ({bits} bits).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="230"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="235"/>
        <source>These settings belong to this profile and are stored in its encrypted vault.</source>
        <translation>Esta configuración pertenece a este perfil y se guarda en su bóveda cifrada.</translation>
    </message>
</context>
<context>
    <name>SetupSheet</name>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="33"/>
        <source>Use these codes only as ID.me allows for your account, keep a second device enrolled, and do not let anyone else use your sign-in or your codes.</source>
        <translation>Use estos códigos solo como ID.me lo permita para su cuenta, mantenga inscrito un segundo dispositivo y no deje que nadie más use su inicio de sesión ni sus códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="38"/>
        <source>This sheet contains no secret keys, no codes and no QR codes.</source>
        <translation>Esta hoja no contiene claves secretas, códigos ni códigos QR.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="53"/>
        <source>Identity confirmation not recorded.</source>
        <translation>No consta la confirmación de identidad.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="55"/>
        <source>Identity confirmed by ID.me on {date}.</source>
        <translation>Identidad confirmada por ID.me el {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="58"/>
        <source>Identity confirmed by ID.me.</source>
        <translation>Identidad confirmada por ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="66"/>
        <source>Step {number}: {title}</source>
        <translation>Paso {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="82"/>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="159"/>
        <source>EPCS MFA setup sheet — {name}</source>
        <translation>Hoja de configuración de MFA para EPCS — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="84"/>
        <source>Printed {when} by EPCS Desktop.</source>
        <translation>Impresa el {when} por EPCS Desktop.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="85"/>
        <source>Identity confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="87"/>
        <source>ID.me Device Information</source>
        <translation>Información de dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="97"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="98"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="99"/>
        <source>Primary Device</source>
        <translation>Dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="102"/>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="127"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="104"/>
        <source>Primary device: {name}.</source>
        <translation>Dispositivo principal: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="108"/>
        <source>No device is recorded in this profile yet.</source>
        <translation>Aún no hay ningún dispositivo registrado en este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="111"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="113"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="114"/>
        <source>License Number</source>
        <translation>Número de licencia</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="115"/>
        <source>DEA Number</source>
        <translation>Número DEA</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="116"/>
        <source>NPI</source>
        <translation>NPI</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="118"/>
        <source>Changing the MFA device: steps done and left</source>
        <translation>Cambio del dispositivo MFA: pasos completados y pendientes</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="125"/>
        <source>{done} of {total} steps done.</source>
        <translation>{done} de {total} pasos completados.</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="128"/>
        <source>Done:</source>
        <translation>Completados:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="130"/>
        <source>Left:</source>
        <translation>Pendientes:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="134"/>
        <source>No device change in progress. When changing phones, follow these steps:</source>
        <translation>No hay ningún cambio de dispositivo en curso. Cuando cambie de teléfono, siga estos pasos:</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="141"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/setup_sheet.py" line="176"/>
        <source>Could not write the setup sheet to {file}.</source>
        <translation>No se pudo escribir la hoja de configuración en {file}.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="73"/>
        <source>Too short: use at least 8 characters.</source>
        <translation>Demasiado corta: use al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="79"/>
        <source>Weak: a longer passphrase of several words is much stronger.</source>
        <translation>Débil: una frase de contraseña más larga, de varias palabras, es mucho más segura.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="82"/>
        <source>Fair: a few more characters would help.</source>
        <translation>Aceptable: unos caracteres más ayudarían.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="83"/>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="84"/>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="104"/>
        <source>EPCS Desktop — Unlock</source>
        <translation>EPCS Desktop — Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="122"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="123"/>
        <location filename="../../ui/start.py" line="174"/>
        <source>&amp;New profile…</source>
        <translation>&amp;Nuevo perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="127"/>
        <source>Set up a profile for a &amp;clinician (front desk)…</source>
        <translation>Preparar un perfil para un &amp;profesional (recepción)…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="130"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="135"/>
        <location filename="../../ui/start.py" line="177"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="148"/>
        <source>Choose your profile</source>
        <translation>Elija su perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="152"/>
        <source>Each clinician on this workstation has a profile of their own, in its own encrypted vault.</source>
        <translation>Cada profesional de esta estación de trabajo tiene su propio perfil, en su propia bóveda cifrada.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="158"/>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="163"/>
        <location filename="../../ui/start.py" line="164"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="166"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="196"/>
        <source>Demo profile password: %1</source>
        <translation>Contraseña del perfil de demostración: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="207"/>
        <source>No profile on this workstation yet</source>
        <translation>Todavía no hay ningún perfil en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="212"/>
        <source>Welcome to EPCS Desktop. Each clinician keeps their ID.me devices and code generators in a profile of their own, in its own encrypted vault. Create yours to get started; you choose its password.</source>
        <translation>Bienvenido a EPCS Desktop. Cada profesional guarda sus dispositivos de ID.me y sus generadores de códigos en un perfil propio, en su propia bóveda cifrada. Cree el suyo para empezar; usted elige su contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="219"/>
        <source>Create a &amp;profile</source>
        <translation>Crear un &amp;perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="290"/>
        <source>Type the password of this profile.</source>
        <translation>Escriba la contraseña de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="295"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="323"/>
        <source>Wrong password. Try again.</source>
        <translation>Contraseña incorrecta. Inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/start.py" line="325"/>
        <source>Wrong password. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo en %n segundo.</numerusform>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="341"/>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="345"/>
        <source>e.g. Dr. Lee</source>
        <translation>p. ej. Dra. Lee</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="354"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="355"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="357"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="360"/>
        <source>Write your password down somewhere safe. A forgotten password cannot be recovered: nobody, not even support, can open the profile without it.</source>
        <translation>Anote su contraseña en un lugar seguro. Una contraseña olvidada no se puede recuperar: nadie, ni siquiera el soporte técnico, puede abrir el perfil sin ella.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="367"/>
        <source>&amp;Create profile</source>
        <translation>&amp;Crear perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="371"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/handover.py" line="292"/>
        <location filename="../../ui/start.py" line="408"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="417"/>
        <source>A profile with this name already exists.</source>
        <translation>Ya existe un perfil con este nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="441"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
</context>
<context>
    <name>_DeviceRow</name>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="67"/>
        <source>Current code</source>
        <translation>Código actual</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="70"/>
        <source>Seconds until the code changes</source>
        <translation>Segundos hasta que cambie el código</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="73"/>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="77"/>
        <source>Device name problem</source>
        <translation>Problema con el nombre del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="81"/>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="83"/>
        <source>&amp;Name your device:</source>
        <translation>&amp;Nombre del dispositivo:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/confirm_page.py" line="101"/>
        <source>changes in %v s</source>
        <translation>cambia en %v s</translation>
    </message>
</context>
<context>
    <name>_ScanPageBase</name>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="55"/>
        <source>Scan status</source>
        <translation>Estado del escaneo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="62"/>
        <source>&amp;Open an image instead</source>
        <translation>Abrir una &amp;imagen en su lugar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/scan_pages.py" line="63"/>
        <source>Enter the secret &amp;key instead</source>
        <translation>&amp;Escribir la clave secreta en su lugar</translation>
    </message>
</context>
<context>
    <name>_StepBox</name>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="111"/>
        <source>Step {number} — {title}</source>
        <translation>Paso {number} — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="118"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="118"/>
        <source>Done (ticked from this profile)</source>
        <translation>Hecho (marcado según este perfil)</translation>
    </message>
    <message>
        <location filename="../../ui/frontdesk/guide_dialog.py" line="126"/>
        <source>&lt;i&gt;You should see:&lt;/i&gt; {what}</source>
        <translation>&lt;i&gt;Debería ver:&lt;/i&gt; {what}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="116"/>
        <source>Something went wrong. The details were written to the log; your data is safe.</source>
        <translation>Algo salió mal. Los detalles se escribieron en el registro; sus datos están a salvo.</translation>
    </message>
</context>
<context>
    <name>compliance</name>
    <message>
        <location filename="../../ui/dialogs.py" line="309"/>
        <source>Codes generated on this computer are not a DEA &apos;hard token&apos; separate from the prescribing computer (21 CFR 1311.115). Use a code generator on your phone (or a hardware token) to sign controlled-substance prescriptions.</source>
        <translation>Los códigos generados en este equipo no son un «token físico» de la DEA separado del equipo con el que prescribe (21 CFR 1311.115). Use un generador de códigos en su teléfono (o un token físico) para firmar recetas de sustancias controladas.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="321"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>Open ID.me from DrChrono</source>
        <translation>Abra ID.me desde DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27"/>
        <source>In DrChrono go to Account &gt; Provider Settings &gt; eRx Info and click “Update MFA Device” (or open your ID.me account directly).</source>
        <translation>En DrChrono vaya a Account &gt; Provider Settings &gt; eRx Info y haga clic en «Update MFA Device» (o abra directamente su cuenta de ID.me).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32"/>
        <source>The eRx Info tab with the ID.me Device Information table (Name · Option · Primary Device) and the link “Update MFA Device” above it.</source>
        <translation>La pestaña eRx Info con la tabla ID.me Device Information (Name · Option · Primary Device) y, encima, el enlace «Update MFA Device».</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37"/>
        <source>Open DrChrono eRx Info</source>
        <translation>Abrir eRx Info de DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38"/>
        <source>Go to Sign In &amp; Security</source>
        <translation>Vaya a «Sign In &amp; Security»</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39"/>
        <source>Once you are logged into ID.me, click “Sign In &amp; Security” in the top menu.</source>
        <translation>Una vez dentro de ID.me, haga clic en «Sign In &amp; Security» en el menú superior.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40"/>
        <source>ID.me&apos;s menu: OVERVIEW · PROFILE · SIGN IN &amp; SECURITY · MY WALLET.</source>
        <translation>El menú de ID.me: OVERVIEW · PROFILE · SIGN IN &amp; SECURITY · MY WALLET.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41"/>
        <source>Open ID.me Sign In &amp; Security</source>
        <translation>Abrir «Sign In &amp; Security» de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42"/>
        <source>Sign in with your current MFA device</source>
        <translation>Inicie sesión con su dispositivo MFA actual</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43"/>
        <source>ID.me asks you to finish signing in with multi-factor authentication: choose the method of your current primary device and enter its 6-digit code (or approve the push).</source>
        <translation>ID.me le pide terminar de iniciar sesión con autenticación multifactor: elija el método de su dispositivo principal actual y escriba su código de 6 dígitos (o apruebe la notificación push).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>“COMPLETE YOUR SIGN IN” with the choices Text Message or Phone Call, Push Notification and Code Generator Application.</source>
        <translation>«COMPLETE YOUR SIGN IN» con las opciones Text Message or Phone Call, Push Notification y Code Generator Application.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>Delete the old device in ID.me</source>
        <translation>Elimine el dispositivo antiguo en ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54"/>
        <source>Under “Your Multi-Factor Sign in Method” click the trash can next to the old device, then mark it removed here. Do this only once you can still sign in another way.</source>
        <translation>En «Your Multi-Factor Sign in Method» haga clic en la papelera junto al dispositivo antiguo y luego márquelo aquí como eliminado. Hágalo solo cuando todavía pueda iniciar sesión de otra forma.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>“Securing Your Account” with Push Notification and Code Generator sections, each device listed with its date added and a trash can.</source>
        <translation>«Securing Your Account» con las secciones Push Notification y Code Generator; cada dispositivo aparece con su fecha de alta y una papelera.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64"/>
        <source>Set up the new device</source>
        <translation>Configure el dispositivo nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65"/>
        <source>Click “Set Up” and choose “Enroll with barcode / secret key”. Scan the QR code with this program (or type the secret key), enter the 6-digit code on “Confirm your device” and give it a unique nickname. If the new device is a phone app or push device, record it here.</source>
        <translation>Haga clic en «Set Up» y elija «Enroll with barcode / secret key». Escanee el código QR con este programa (o escriba la clave secreta), escriba el código de 6 dígitos en «Confirm your device» y dele un apodo único. Si el dispositivo nuevo es una aplicación de teléfono o un dispositivo push, regístrelo aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="72"/>
        <source>“SECURE YOUR ACCOUNT”, then a QR code with a secret key, then “Confirm your device” asking for the 6-digit code and a device name.</source>
        <translation>«SECURE YOUR ACCOUNT», luego un código QR con una clave secreta y después «Confirm your device», que pide el código de 6 dígitos y un nombre de dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="77"/>
        <source>Select the new primary device in DrChrono</source>
        <translation>Seleccione el nuevo dispositivo principal en DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="78"/>
        <source>Return to DrChrono&apos;s Account &gt; Provider Settings &gt; eRx Info, click “Select as Primary Device” next to the new device, then mark it primary here too.</source>
        <translation>Vuelva a Account &gt; Provider Settings &gt; eRx Info en DrChrono, haga clic en «Select as Primary Device» junto al dispositivo nuevo y márquelo también aquí como principal.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="83"/>
        <source>The ID.me Device Information table with “Is Primary” next to exactly one device.</source>
        <translation>La tabla ID.me Device Information con «Is Primary» junto a un solo dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87"/>
        <source>Lock after inactivity (minutes)</source>
        <translation>Bloquear tras inactividad (minutos)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88"/>
        <source>The profile locks itself after this many idle minutes; 0 never locks (not recommended).</source>
        <translation>El perfil se bloquea solo tras estos minutos de inactividad; 0 no lo bloquea nunca (no recomendado).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="92"/>
        <source>Clear copied codes after (seconds)</source>
        <translation>Borrar los códigos copiados tras (segundos)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>A copied code is wiped from the clipboard after this many seconds; 0 keeps it.</source>
        <translation>Un código copiado se borra del portapapeles tras estos segundos; 0 lo conserva.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="97"/>
        <source>ID.me Sign In &amp; Security</source>
        <translation>«Sign In &amp; Security» de ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="98"/>
        <source>Where ID.me lets you add, rename or delete MFA devices.</source>
        <translation>Donde ID.me le permite añadir, renombrar o eliminar dispositivos MFA.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="99"/>
        <source>DrChrono eRx Info</source>
        <translation>eRx Info de DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>DrChrono&apos;s Account &gt; Provider Settings page (eRx Info tab).</source>
        <translation>La página Account &gt; Provider Settings de DrChrono (pestaña eRx Info).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="101"/>
        <source>EPCS Permissions</source>
        <translation>Permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="102"/>
        <source>DrChrono&apos;s page for adjusting EPCS permissions.</source>
        <translation>La página de DrChrono para ajustar los permisos EPCS.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>Which camera scans QR codes (0 is the first).</source>
        <translation>Qué cámara escanea los códigos QR (0 es la primera).</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="105"/>
        <source>Time server</source>
        <translation>Servidor de hora</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>Used to check that this computer&apos;s clock is right; codes depend on it.</source>
        <translation>Sirve para comprobar que el reloj de este equipo es correcto; los códigos dependen de ello.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>Backup reminder (days)</source>
        <translation>Recordatorio de copia de seguridad (días)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="108"/>
        <source>Remind me to make an encrypted backup after this many days; 0 turns reminders off.</source>
        <translation>Recordarme hacer una copia de seguridad cifrada tras estos días; 0 desactiva los recordatorios.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/feedback.py" line="18"/>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../ui/workers.py" line="87"/>
        <source>Something went wrong. The details were written to the log.</source>
        <translation>Algo salió mal. Los detalles se escribieron en el registro.</translation>
    </message>
</context>
</TS>
