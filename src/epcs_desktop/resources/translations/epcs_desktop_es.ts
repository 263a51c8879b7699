<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="190"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="192"/>
        <source>Settings are kept in each profile&apos;s encrypted vault: unlock a profile and choose File &gt; Settings. Profiles on this workstation are stored in:
%1</source>
        <translation>La configuración se guarda en la bóveda cifrada de cada perfil: desbloquee un perfil y elija Archivo &gt; Configuración. Los perfiles de esta estación de trabajo se guardan en:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="215"/>
        <source>Copy primary device&apos;s code</source>
        <translation>Copiar el código del dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="218"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="219"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="223"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="248"/>
        <source>The primary device&apos;s codes are not generated here.</source>
        <translation>Los códigos del dispositivo principal no se generan aquí.</translation>
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <location filename="../../ui/code_delegate.py" line="87"/>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/code_delegate.py" line="133"/>
        <source>next: %1</source>
        <translation>siguiente: %1</translation>
    </message>
</context>
<context>
    <name>CodeListModel</name>
    <message numerus="yes">
        <location filename="../../ui/models.py" line="349"/>
        <source>%n seconds left</source>
        <translation>
            <numerusform>queda %n segundo</numerusform>
            <numerusform>quedan %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="351"/>
        <source>primary device</source>
        <translation>dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="354"/>
        <source>Click, press Enter or Ctrl+C to copy the code</source>
        <translation>Haga clic, pulse Intro o Ctrl+C para copiar el código</translation>
    </message>
</context>
<context>
    <name>CodesPane</name>
    <message>
        <location filename="../../ui/codes_pane.py" line="89"/>
        <source>Code generator</source>
        <translation>Generador de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="91"/>
        <source>&amp;Add code generator…</source>
        <translation>&amp;Añadir generador de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="101"/>
        <source>Filter by nickname, issuer or account</source>
        <translation>Filtrar por apodo, emisor o cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="103"/>
        <source>Filter code generators</source>
        <translation>Filtrar generadores de códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="115"/>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="122"/>
        <source>No code generator is held in this program yet. Choose “Add code generator…” to scan ID.me&apos;s QR code or type its secret key.</source>
        <translation>Este programa aún no guarda ningún generador de códigos. Elija «Añadir generador de códigos…» para escanear el código QR de ID.me o escribir su clave secreta.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="130"/>
        <source>Click a code, or press Enter, to copy it.</source>
        <translation>Haga clic en un código, o pulse Intro, para copiarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="197"/>
        <source>Copied the code of “%1” — clipboard clears in %2 s</source>
        <translation>Código de «%1» copiado: el portapapeles se vacía en %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/codes_pane.py" line="200"/>
        <source>Copied the code of “%1”</source>
        <translation>Código de «%1» copiado</translation>
    </message>
</context>
<context>
    <name>DeviceTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>Primary Device</source>
        <translation>Dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="116"/>
        <source>Push Notification 2FA</source>
        <translation>2FA por notificación push</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="117"/>
        <source>Generate 2FA Key</source>
        <translation>Generar clave 2FA</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="120"/>
        <source>Is Primary</source>
        <translation>Es el principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="120"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="136"/>
        <source>Codes are generated by this program</source>
        <translation>Este programa genera los códigos</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="138"/>
        <source>A code generator app on another device</source>
        <translation>Una aplicación generadora de códigos en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="140"/>
        <source>Click, or press Space, to make this the primary device</source>
        <translation>Haga clic, o pulse Espacio, para convertirlo en el dispositivo principal</translation>
    </message>
</context>
<context>
    <name>ErxPane</name>
    <message>
        <location filename="../../ui/erx_pane.py" line="136"/>
        <source>eRx Info</source>
        <translation>Información eRx</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="157"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="163"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="165"/>
        <source>Edit identity confirmation</source>
        <translation>Editar la confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="177"/>
        <source>EPCS Permissions Page</source>
        <translation>página de permisos EPCS</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="181"/>
        <source>Your identity has now been confirmed.</source>
        <translation>Su identidad ya ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="183"/>
        <source>Your identity has now been confirmed (%1).</source>
        <translation>Su identidad ya ha sido confirmada (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="185"/>
        <location filename="../../ui/erx_pane.py" line="196"/>
        <source>To adjust future EPCS permissions, visit the %1.</source>
        <translation>Para ajustar futuros permisos EPCS, visite la %1.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="188"/>
        <source>ID.me identity proofing and DrChrono&apos;s approval are both needed before you can send EPCS.</source>
        <translation>Necesita la verificación de identidad de ID.me y la aprobación de DrChrono antes de enviar EPCS.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="192"/>
        <source>Your identity has not been confirmed yet.</source>
        <translation>Su identidad aún no ha sido confirmada.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="205"/>
        <source>ID.me Device Information</source>
        <translation>Información de dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="208"/>
        <location filename="../../ui/erx_pane.py" line="337"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="213"/>
        <source>&amp;Update MFA Device</source>
        <translation>&amp;Actualizar dispositivo MFA</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="215"/>
        <source>Opens ID.me Sign In &amp; Security in your browser</source>
        <translation>Abre «Inicio de sesión y seguridad» de ID.me en su navegador</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="227"/>
        <source>ID.me devices</source>
        <translation>Dispositivos ID.me</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="255"/>
        <source>&amp;Record another device…</source>
        <translation>&amp;Registrar otro dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="257"/>
        <source>A push-notification phone or a code generator app on another device</source>
        <translation>Un teléfono con notificaciones push o una aplicación generadora de códigos en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="259"/>
        <source>F2 renames, Delete removes, Space selects the primary device.</source>
        <translation>F2 cambia el nombre, Supr elimina, Espacio elige el dispositivo principal.</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="278"/>
        <source>Select as primary device</source>
        <translation>Seleccionar como dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="281"/>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="284"/>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="299"/>
        <source>“%1” is now the primary device</source>
        <translation>«%1» es ahora el dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="314"/>
        <source>Removed “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="352"/>
        <source>Prescriber Info</source>
        <translation>Información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="355"/>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="362"/>
        <source>two letters and seven digits, e.g. AB1234563</source>
        <translation>dos letras y siete dígitos, p. ej. AB1234563</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="365"/>
        <source>ten digits</source>
        <translation>diez dígitos</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="370"/>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="371"/>
        <source>State &amp;License Number:</source>
        <translation>Número de &amp;licencia estatal:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="372"/>
        <source>&amp;DEA Number:</source>
        <translation>Número &amp;DEA:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="374"/>
        <source>&amp;NPI:</source>
        <translation>&amp;NPI:</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="378"/>
        <source>Sa&amp;ve Prescriber Info</source>
        <translation>&amp;Guardar información del prescriptor</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="400"/>
        <source>✓ valid format</source>
        <translation>✓ formato válido</translation>
    </message>
    <message>
        <location filename="../../ui/erx_pane.py" line="434"/>
        <source>Prescriber Info saved</source>
        <translation>Información del prescriptor guardada</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <source>Identity Confirmation</source>
        <translation>Confirmación de identidad</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>My identity has been &amp;confirmed by ID.me in DrChrono</source>
        <translation>ID.me ha &amp;confirmado mi identidad en DrChrono</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="126"/>
        <source>What is still missing, e.g. “waiting for DrChrono approval”</source>
        <translation>Lo que aún falta, p. ej. «esperando la aprobación de DrChrono»</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="129"/>
        <source>Confirmed &amp;on:</source>
        <translation>Confirmada &amp;el:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
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
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>&amp;Add code generator…</source>
        <translation>&amp;Añadir generador de códigos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Record another device…</source>
        <translation>&amp;Registrar otro dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>S&amp;witch profile…</source>
        <translation>Ca&amp;mbiar de perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Change-phone guide…</source>
        <translation>Guía para &amp;cambiar de teléfono…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Practice enrollment…</source>
        <translation>&amp;Practicar la inscripción…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Activity log…</source>
        <translation>Registro de &amp;actividad…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Save &amp;setup sheet (PDF)…</source>
        <translation>Guardar &amp;hoja de configuración (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>What happens to my MFA when I change my phone?</source>
        <translation>¿Qué pasa con mi MFA si cambio de teléfono?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Compliance notice</source>
        <translation>&amp;Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>&amp;About EPCS Desktop</source>
        <translation>A&amp;cerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Save setup sheet</source>
        <translation>Guardar hoja de configuración</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Setup sheet saved to %1</source>
        <translation>Hoja de configuración guardada en %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>About EPCS Desktop</source>
        <translation>Acerca de EPCS Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>%1 %2
MFA companion and code generator for DrChrono EPCS with ID.me.</source>
        <translation>%1 %2
Compañero MFA y generador de códigos para EPCS de DrChrono con ID.me.</translation>
    </message>
</context>
<context>
    <name>OtherDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="160"/>
        <source>Record another device</source>
        <translation>Registrar otro dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>e.g. MyiPhone</source>
        <translation>p. ej. MiiPhone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>Push Notification 2FA (ID.me Authenticator)</source>
        <translation>2FA por notificación push (ID.me Authenticator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>Generate 2FA Key (code generator app on another device)</source>
        <translation>Generar clave 2FA (aplicación generadora de códigos en otro dispositivo)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="169"/>
        <source>Make this the &amp;primary device</source>
        <translation>Convertir en el dispositivo &amp;principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="172"/>
        <source>List a device you set up in ID.me so this table matches DrChrono&apos;s eRx Info tab.</source>
        <translation>Anote un dispositivo que configuró en ID.me para que esta tabla coincida con la pestaña eRx Info de DrChrono.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="177"/>
        <source>&amp;Nickname:</source>
        <translation>&amp;Apodo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178"/>
        <source>&amp;Option:</source>
        <translation>&amp;Opción:</translation>
    </message>
</context>
<context>
    <name>RemoveDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="61"/>
        <source>Remove device</source>
        <translation>Eliminar dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="64"/>
        <source>Remove “%1” from this profile?</source>
        <translation>¿Eliminar «%1» de este perfil?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="67"/>
        <source>Its secret key is deleted from this computer. Also delete the device in your ID.me account (Sign In &amp; Security), or ID.me will keep asking for its codes.</source>
        <translation>Su clave secreta se borra de este equipo. Elimine también el dispositivo en su cuenta de ID.me (Inicio de sesión y seguridad), o ID.me seguirá pidiendo sus códigos.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="72"/>
        <source>This only changes this companion list; also delete it in your ID.me account.</source>
        <translation>Esto solo cambia esta lista; elimínelo también en su cuenta de ID.me.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="78"/>
        <source>New primary device</source>
        <translation>Nuevo dispositivo principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82"/>
        <source>New &amp;primary device:</source>
        <translation>Nuevo dispositivo &amp;principal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>&amp;Remove</source>
        <translation>&amp;Eliminar</translation>
    </message>
</context>
<context>
    <name>ScanPreview</name>
    <message>
        <location filename="../../ui/scanner.py" line="349"/>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.py" line="350"/>
        <source>Hold the QR code inside the box.</source>
        <translation>Mantenga el código QR dentro del recuadro.</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <location filename="../../ui/scanner.py" line="221"/>
        <source>The camera stopped working. Try another camera or open an image.</source>
        <translation>La cámara dejó de funcionar. Pruebe otra cámara o abra una imagen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="247"/>
        <source>These settings belong to this profile and are stored in its encrypted vault.</source>
        <translation>Esta configuración pertenece a este perfil y se guarda en su bóveda cifrada.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="66"/>
        <source>Too short: use at least 8 characters.</source>
        <translation>Demasiado corta: use al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="72"/>
        <source>Weak: a longer passphrase of several words is much stronger.</source>
        <translation>Débil: una frase de contraseña más larga, de varias palabras, es mucho más segura.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="75"/>
        <source>Fair: a few more characters would help.</source>
        <translation>Aceptable: unos caracteres más ayudarían.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="76"/>
        <source>Good.</source>
        <translation>Buena.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="77"/>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="97"/>
        <source>EPCS Desktop — Unlock</source>
        <translation>EPCS Desktop — Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="114"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="115"/>
        <location filename="../../ui/start.py" line="161"/>
        <source>&amp;New profile…</source>
        <translation>&amp;Nuevo perfil…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="119"/>
        <source>Set up a profile for a &amp;clinician (front desk)…</source>
        <translation>Preparar un perfil para un &amp;profesional (recepción)…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="126"/>
        <location filename="../../ui/start.py" line="164"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="135"/>
        <source>Choose your profile</source>
        <translation>Elija su perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="139"/>
        <source>Each clinician on this workstation has a profile of their own, in its own encrypted vault.</source>
        <translation>Cada profesional de esta estación de trabajo tiene su propio perfil, en su propia bóveda cifrada.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="145"/>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="150"/>
        <location filename="../../ui/start.py" line="151"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="153"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="168"/>
        <source>There is no profile on this workstation yet. Create one to get started.</source>
        <translation>Aún no hay ningún perfil en esta estación de trabajo. Cree uno para empezar.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="186"/>
        <source>Demo profile password: %1</source>
        <translation>Contraseña del perfil de demostración: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="231"/>
        <source>Type the password of this profile.</source>
        <translation>Escriba la contraseña de este perfil.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="236"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="264"/>
        <source>Wrong password. Try again.</source>
        <translation>Contraseña incorrecta. Inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/start.py" line="266"/>
        <source>Wrong password. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo en %n segundo.</numerusform>
            <numerusform>Contraseña incorrecta. Puede volver a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="282"/>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="286"/>
        <source>e.g. Dr. Lee</source>
        <translation>p. ej. Dra. Lee</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="295"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="296"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="298"/>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="301"/>
        <source>Write your password down somewhere safe. A forgotten password cannot be recovered: nobody, not even support, can open the profile without it.</source>
        <translation>Anote su contraseña en un lugar seguro. Una contraseña olvidada no se puede recuperar: nadie, ni siquiera el soporte técnico, puede abrir el perfil sin ella.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="308"/>
        <source>&amp;Create profile</source>
        <translation>&amp;Crear perfil</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="312"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="349"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="356"/>
        <source>A profile with this name already exists.</source>
        <translation>Ya existe un perfil con este nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="380"/>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="66"/>
        <source>Something went wrong. The details were written to the log; your data is safe.</source>
        <translation>Algo salió mal. Los detalles se escribieron en el registro; sus datos están a salvo.</translation>
    </message>
</context>
<context>
    <name>compliance</name>
    <message>
        <location filename="../../ui/dialogs.py" line="325"/>
        <source>Codes generated on this computer are not a DEA &apos;hard token&apos;: 21 CFR 1311.115 requires the token to be separate from the computer you prescribe on. Use a code generator on your phone (or a hardware token) for EPCS signing.</source>
        <translation>Los códigos generados en este equipo no son un «token físico» de la DEA: 21 CFR 1311.115 exige que el token esté separado del equipo con el que prescribe. Use un generador de códigos en su teléfono (o un token físico) para firmar EPCS.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="338"/>
        <source>Compliance notice</source>
        <translation>Aviso de cumplimiento</translation>
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
