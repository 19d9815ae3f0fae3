"""Our own WTForms forms (Flask-WTF: CSRF token included)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from lpks.platform.services.passwords import MIN_LENGTH


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField(_l("Nama pengguna"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Kata sandi"), validators=[DataRequired(), Length(max=200)])
    next = HiddenField()


class PasswordForm(FlaskForm):
    """Change one's own password."""

    current_password = PasswordField(_l("Kata sandi saat ini"), validators=[DataRequired()])
    new_password = PasswordField(_l("Kata sandi baru"), validators=[DataRequired(), Length(min=MIN_LENGTH, max=200)])
    confirm_password = PasswordField(
        _l("Ulangi kata sandi baru"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("Konfirmasi kata sandi tidak sama."))])


class EmptyForm(FlaskForm):
    """A form with only its CSRF token (logout, switches)."""
